using System;

namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>
    /// What the Management Client asks the Event Server's background plugin: a Save carries the
    /// entered URLs with their keys, which only the Event Server may keep (<see cref="IStreamKeyStore"/>).
    /// </summary>
    public sealed class PluginRequest
    {
        /// <summary>Correlates the <see cref="PluginAnswer"/>: MIP delivers answers to every listener, not only to the one that asked.</summary>
        public Guid Id { get; set; }

        /// <summary>What is asked.</summary>
        public PluginRequestKind Kind { get; set; }

        /// <summary>The item (MIP's <c>FQID.ObjectId</c>) the request is about.</summary>
        public Guid ItemId { get; set; }

        /// <summary>Save only: what the administrator entered, full URLs with keys.</summary>
        public PluginItemEntry? Entry { get; set; }

        /// <summary>LiveLog only: the last line sequence the view has seen (0: none).</summary>
        public long After { get; set; }

        /// <summary>"Save 1b2c…": the kind and the item, never the entry (its URLs hold keys), so the request can be logged.</summary>
        public override string ToString()
            => Kind == PluginRequestKind.LiveLog
                ? $"{Kind} {ItemId:D} after {After}"
                : $"{Kind} {ItemId:D}";
    }
}
