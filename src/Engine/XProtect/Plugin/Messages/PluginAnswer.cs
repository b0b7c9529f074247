using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Logging;

namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>The Event Server's answer to a <see cref="PluginRequest"/>; it never holds a key.</summary>
    public sealed class PluginAnswer
    {
        /// <summary>The <see cref="PluginRequest.Id"/> answered.</summary>
        public Guid Id { get; set; }

        /// <summary>Why the request could not be done, as a sentence that quotes no key; null when it was.</summary>
        public string? Error { get; set; }

        /// <summary>Save: the rules the entry breaks (nothing was kept); null when none.</summary>
        public List<PluginPropertyError>? Errors { get; set; }

        /// <summary>Save: the property bag to store as the item's configuration, masked URLs only.</summary>
        public Dictionary<string, string>? Properties { get; set; }

        /// <summary>State: the item's state; null for an item the Event Server does not run.</summary>
        public ItemState? State { get; set; }

        /// <summary>LiveLog: the lines after the request's <see cref="PluginRequest.After"/>, oldest first.</summary>
        public List<LogLine>? Lines { get; set; }
    }
}
