using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The Prometheus scrape endpoint.</summary>
    public sealed class MetricsSection
    {
        /// <summary>"address:port" serving GET /metrics; null serves none (no HTTP server is started).</summary>
        [JsonPropertyName("listen")]
        public string? Listen { get; set; }
    }
}
