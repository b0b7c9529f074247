using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>One path's own keys, and where its video comes from when not from a publisher.</summary>
    public sealed class PathEntry
    {
        /// <summary>Keys that may publish to this path (and play it).</summary>
        [JsonPropertyName("publishKeys")]
        public List<string> PublishKeys { get; set; } = new List<string>();

        /// <summary>Keys that may only play this path.</summary>
        [JsonPropertyName("playKeys")]
        public List<string> PlayKeys { get; set; } = new List<string>();

        /// <summary>Addresses or CIDR ranges this path's publishers must come from; replaces paths.publishers for it when not empty.</summary>
        [JsonPropertyName("publishers")]
        public List<string> Publishers { get; set; } = new List<string>();

        /// <summary>true or false override record.directory for this path; null follows it.</summary>
        [JsonPropertyName("record")]
        public bool? Record { get; set; }

        /// <summary>An rtsp://, rtsps://, rtmp:// or rtmps:// URL or an .flv or .mp4 file (looped) the path plays instead of a publisher's; null for none.</summary>
        [JsonPropertyName("source")]
        public string? Source { get; set; }

        /// <summary>Start the source at the path's first reader and stop it after the last one left, instead of always.</summary>
        [JsonPropertyName("sourceOnDemand")]
        public bool SourceOnDemand { get; set; }

        /// <summary>"tcp" (default: interleaved on the RTSP connection) or "udp": what an rtsp:// source's RTP comes over.</summary>
        [JsonPropertyName("sourceTransport")]
        public string SourceTransport { get; set; } = "tcp";

        /// <summary>Seconds an on-demand source runs on after its last reader left.</summary>
        [JsonPropertyName("sourceCloseAfterSeconds")]
        public int SourceCloseAfterSeconds { get; set; } = 10;
    }
}
