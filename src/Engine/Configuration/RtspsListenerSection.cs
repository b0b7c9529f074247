using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The RTSPS listener (RTSP inside TLS), with the certificate of listeners.rtmps.</summary>
    public sealed class RtspsListenerSection
    {
        /// <summary>Whether to serve RTSPS; needs listeners.rtmps.certificate.</summary>
        [JsonPropertyName("enabled")]
        public bool Enabled { get; set; }

        /// <summary>ADDRESS:PORT; 8322 is the RTSPS port RTSP servers commonly use.</summary>
        [JsonPropertyName("listen")]
        public string? Listen { get; set; } = "0.0.0.0:8322";
    }
}
