using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The RTSP listener: every path also plays as rtsp://HOST:PORT/APP/STREAM.</summary>
    public sealed class RtspListenerSection
    {
        /// <summary>Whether to serve RTSP; on by default, as XProtect's stock drivers take RTSP cameras.</summary>
        [JsonPropertyName("enabled")]
        public bool Enabled { get; set; } = true;

        /// <summary>ADDRESS:PORT ("0.0.0.0:8554", the port RTSP servers without root use); port 0 picks a free one.</summary>
        [JsonPropertyName("listen")]
        public string? Listen { get; set; } = "0.0.0.0:8554";

        /// <summary>FIRST-LAST: the UDP ports RTP over UDP is sent from, an even RTP port and the next one for RTCP per track.</summary>
        [JsonPropertyName("udpPorts")]
        public string? UdpPorts { get; set; } = "30000-30999";
    }
}
