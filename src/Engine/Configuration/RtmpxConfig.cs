using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// The rtmpx.json file as written: every key has a default, so an empty file (or none) serves as
    /// the command line does without options. Turned into server options by
    /// <see cref="RtmpxConfigMapper"/>, which also validates it.
    /// </summary>
    public sealed class RtmpxConfig
    {
        /// <summary>Where the server listens.</summary>
        [JsonPropertyName("listeners")]
        public ListenersSection Listeners { get; set; } = new ListenersSection();

        /// <summary>Connection caps, timeouts and bounds on what peers send.</summary>
        [JsonPropertyName("limits")]
        public LimitsSection Limits { get; set; } = new LimitsSection();

        /// <summary>Which stream paths exist and the keys that open them.</summary>
        [JsonPropertyName("paths")]
        public PathsSection Paths { get; set; } = new PathsSection();

        /// <summary>Signed URLs and the access callback.</summary>
        [JsonPropertyName("auth")]
        public AuthSection Auth { get; set; } = new AuthSection();

        /// <summary>Recording of publishes.</summary>
        [JsonPropertyName("record")]
        public RecordSection Record { get; set; } = new RecordSection();

        /// <summary>What the server logs.</summary>
        [JsonPropertyName("logging")]
        public LoggingSection Logging { get; set; } = new LoggingSection();

        /// <summary>Webhooks and commands told of stream events.</summary>
        [JsonPropertyName("hooks")]
        public HooksSection Hooks { get; set; } = new HooksSection();

        /// <summary>The Prometheus scrape endpoint.</summary>
        [JsonPropertyName("metrics")]
        public MetricsSection Metrics { get; set; } = new MetricsSection();

        /// <summary>The JSON status API.</summary>
        [JsonPropertyName("api")]
        public ApiSection Api { get; set; } = new ApiSection();

        /// <summary>The XProtect site xprotect:CAMERA sources come from.</summary>
        [JsonPropertyName("xprotect")]
        public XProtectSection XProtect { get; set; } = new XProtectSection();

        /// <summary>Streams sent on to RTMP(S) destinations, each run by `rtmpx serve` in a helper process.</summary>
        [JsonPropertyName("streams")]
        public List<StreamSection> Streams { get; set; } = new List<StreamSection>();
    }
}
