using System;

namespace RtmpXProtect.Engine.Client
{
    /// <summary>How an <see cref="RtmpClient"/> connects.</summary>
    public sealed class RtmpClientOptions
    {
        /// <summary>Bounds on what the server sends.</summary>
        public WireLimits Limits { get; set; } = WireLimits.Default;

        /// <summary>Time for TCP, TLS, handshake and connect together. Default 10 s.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>For rtmps: accept a certificate that does not validate (self-signed test servers).</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>The client name sent in connect.</summary>
        public string FlashVersion { get; set; } = "FMLE/3.0 (compatible; rtmpx)";

        /// <summary>Messages received while playing that may wait for the reader before reading stops.</summary>
        public int ReceiveQueueLength { get; set; } = 1024;
    }
}
