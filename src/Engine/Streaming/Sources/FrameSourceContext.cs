using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>What <see cref="FrameSources.Create"/> needs besides the source text.</summary>
    public sealed class FrameSourceContext
    {
        /// <summary>The in-process ingest server, for ingest: sources; null where none runs (a helper process).</summary>
        public RtmpServer? Server { get; set; }

        /// <summary>Accept an rtmps:// source whose certificate does not validate; off by default.</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>The clock file sources pace themselves by; real time when null.</summary>
        public IPlaybackClock? Clock { get; set; }

        /// <summary>The XProtect site for xprotect:CAMERA sources; null where none is configured.</summary>
        public XProtect.Live.XProtectSourceOptions? XProtect { get; set; }

        /// <summary>What an rtsp:// or rtsps:// source's RTP comes over; TCP (interleaved) by default.</summary>
        public RtspSourceTransport RtspTransport { get; set; } = RtspSourceTransport.Tcp;

        /// <summary>Limits for what sources parse.</summary>
        public WireLimits Limits { get; set; } = WireLimits.Default;
    }
}
