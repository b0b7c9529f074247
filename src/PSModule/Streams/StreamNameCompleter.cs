using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>Tab completion of -Name from the streams in the configuration file the command will edit.</summary>
    public sealed class StreamNameCompleter : IArgumentCompleter
    {
        /// <summary>Names starting with what was typed; an unreadable file completes nothing rather than failing the prompt.</summary>
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var path = fakeBoundParameters?["ConfigPath"] as string;
            IReadOnlyList<Engine.Streaming.StreamDefinition> streams;
            try
            {
                if (fakeBoundParameters?["Instance"] is string instance)
                {
                    path = new Engine.Management.Instances.InstanceOperations().Layout(instance)?.ConfigFile;
                }

                streams = new StreamStore(string.IsNullOrEmpty(path) ? StreamStore.DefaultConfigPath : path!).List();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }

            return streams
                .Where(s => s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Select(s => new CompletionResult(Quote(s.Name), s.Name, CompletionResultType.ParameterValue, s.Source))
                .ToList();
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`' }) < 0 ? name : "'" + name.Replace("'", "''") + "'";
    }
}
