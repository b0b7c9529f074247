using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Tab completion of an instance name from the machine's registry.</summary>
    public sealed class InstanceNameCompleter : IArgumentCompleter
    {
        /// <summary>Names starting with what was typed; an unreadable registry completes nothing rather than failing the prompt.</summary>
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                return InstanceRegistry.Machine.List()
                    .Where(r => r.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    .Select(r => new CompletionResult(r.Name, r.Name, CompletionResultType.ParameterValue, r.Root))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
