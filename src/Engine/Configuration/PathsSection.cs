using System.Collections.Generic;
using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>Which stream paths exist and who may publish and play them.</summary>
    public sealed class PathsSection
    {
        /// <summary>open: any path; fixed: only those in <see cref="Entries"/>.</summary>
        [JsonPropertyName("mode")]
        public AccessMode Mode { get; set; } = AccessMode.Open;

        /// <summary>What a second publisher of a published path gets.</summary>
        [JsonPropertyName("takeover")]
        public TakeoverPolicy Takeover { get; set; } = TakeoverPolicy.None;

        /// <summary>Keys that may publish (and play) any path that exists.</summary>
        [JsonPropertyName("publishKeys")]
        public List<string> PublishKeys { get; set; } = new List<string>();

        /// <summary>Keys that may only play any path that exists.</summary>
        [JsonPropertyName("playKeys")]
        public List<string> PlayKeys { get; set; } = new List<string>();

        /// <summary>Addresses or CIDR ranges every publisher must come from; empty allows any.</summary>
        [JsonPropertyName("publishers")]
        public List<string> Publishers { get; set; } = new List<string>();

        /// <summary>Paths ("live/cam1") with keys of their own.</summary>
        [JsonPropertyName("entries")]
        public Dictionary<string, PathEntry> Entries { get; set; } = new Dictionary<string, PathEntry>();
    }
}
