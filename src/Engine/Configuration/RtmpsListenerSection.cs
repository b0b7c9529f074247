using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The RTMPS listener and its certificate.</summary>
    public sealed class RtmpsListenerSection
    {
        /// <summary>Whether to listen for RTMPS; needs <see cref="Certificate"/>.</summary>
        [JsonPropertyName("enabled")]
        public bool Enabled { get; set; }

        /// <summary>ADDRESS:PORT; 443 is what hosted services use, so clients behind strict firewalls get through.</summary>
        [JsonPropertyName("listen")]
        public string? Listen { get; set; } = "0.0.0.0:443";

        /// <summary>Where the certificate and its password are; the engine never loads it, the host does.</summary>
        [JsonPropertyName("certificate")]
        public CertificateSection Certificate { get; set; } = new CertificateSection();
    }
}
