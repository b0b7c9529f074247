using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The plain RTMP and the RTMPS listener; at least one must be enabled.</summary>
    public sealed class ListenersSection
    {
        /// <summary>Plain RTMP, on by default on 0.0.0.0:1935 as encoders expect.</summary>
        [JsonPropertyName("rtmp")]
        public RtmpListenerSection Rtmp { get; set; } = new RtmpListenerSection();

        /// <summary>RTMP inside TLS, off by default because it needs a certificate.</summary>
        [JsonPropertyName("rtmps")]
        public RtmpsListenerSection Rtmps { get; set; } = new RtmpsListenerSection();

        /// <summary>RTSP, on by default on 0.0.0.0:8554: every path published also plays over RTSP.</summary>
        [JsonPropertyName("rtsp")]
        public RtspListenerSection Rtsp { get; set; } = new RtspListenerSection();

        /// <summary>RTSP inside TLS, off by default because it needs a certificate (the RTMPS one).</summary>
        [JsonPropertyName("rtsps")]
        public RtspsListenerSection Rtsps { get; set; } = new RtspsListenerSection();
    }
}
