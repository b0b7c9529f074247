using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>One System Log entry to write: its definition and parameter values (masked, no key).</summary>
    public sealed class SystemLogEntry
    {
        /// <summary>Creates an entry.</summary>
        public SystemLogEntry(SystemLogEntryDefinition definition, IReadOnlyDictionary<string, string> parameters, DateTimeOffset time)
        {
            Definition = definition;
            Parameters = parameters;
            Time = time;
        }

        /// <summary>What kind of entry, with its id and severity.</summary>
        public SystemLogEntryDefinition Definition { get; }

        /// <summary>The values of the template's parameters.</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }

        /// <summary>When it happened.</summary>
        public DateTimeOffset Time { get; }

        /// <summary>The rendered text.</summary>
        public string Text => Definition.Render(Parameters);
    }
}
