using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// One destination of a stream. Its URL carries the stream key, so it may come from a file or an
    /// environment variable instead of the configuration file: exactly one of the three is set.
    /// </summary>
    public sealed class StreamDestinationSection
    {
        /// <summary>The rtmp:// or rtmps:// URL with its key.</summary>
        [JsonPropertyName("url")]
        public string? Url { get; set; }

        /// <summary>A file holding the URL (relative to the configuration file).</summary>
        [JsonPropertyName("urlFile")]
        public string? UrlFile { get; set; }

        /// <summary>An environment variable holding the URL.</summary>
        [JsonPropertyName("urlEnv")]
        public string? UrlEnv { get; set; }

        /// <summary>Accept a certificate that does not validate (self-signed test servers).</summary>
        [JsonPropertyName("allowUntrustedCertificate")]
        public bool AllowUntrustedCertificate { get; set; }
    }
}
