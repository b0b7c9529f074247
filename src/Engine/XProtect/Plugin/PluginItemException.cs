using System;
using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>An item whose properties break a rule; every problem is listed by property, no value quoted.</summary>
    public sealed class PluginItemException : Exception
    {
        /// <summary>Creates the exception from its errors.</summary>
        public PluginItemException(IReadOnlyList<PluginPropertyError> errors)
            : base(string.Join("; ", errors.Select(e => e.ToString())))
        {
            Errors = errors;
        }

        /// <summary>Every broken rule.</summary>
        public IReadOnlyList<PluginPropertyError> Errors { get; }
    }
}
