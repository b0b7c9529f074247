using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The JSON status API that `rtmpx status` talks to; it can drop sessions and has no authentication.</summary>
    public sealed class ApiSection
    {
        /// <summary>"address:port" serving /api/...; null serves none. On by default, on loopback, so `rtmpx status` works with no setup.</summary>
        [JsonPropertyName("listen")]
        public string? Listen { get; set; } = DefaultListen;

        /// <summary>Where `rtmpx status` looks unless told otherwise; SRS uses the same port for its HTTP API.</summary>
        public const string DefaultListen = "127.0.0.1:1985";

        /// <summary>Whether <see cref="Listen"/> may be a non-loopback address; off, since anyone who reaches the API can drop sessions.</summary>
        [JsonPropertyName("allowRemote")]
        public bool AllowRemote { get; set; }
    }
}
