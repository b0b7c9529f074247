using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The plain RTMP listener.</summary>
    public sealed class RtmpListenerSection
    {
        /// <summary>Whether to listen for plain RTMP at all; off serves RTMPS only.</summary>
        [JsonPropertyName("enabled")]
        public bool Enabled { get; set; } = true;

        /// <summary>ADDRESS:PORT ("0.0.0.0:1935", "[::]:1935"); port 0 picks a free one.</summary>
        [JsonPropertyName("listen")]
        public string? Listen { get; set; } = "0.0.0.0:1935";
    }
}
