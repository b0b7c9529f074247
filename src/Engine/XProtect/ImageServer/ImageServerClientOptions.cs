using System;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>How an <see cref="ImageServerConnection"/> talks to a Recording Server.</summary>
    public sealed class ImageServerClientOptions
    {
        /// <summary>Bounds on what the recorder may send.</summary>
        public ImageServerLimits Limits { get; set; } = ImageServerLimits.Default;

        /// <summary>Accept a recorder certificate that does not verify. Off by default.</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>Ask for one GOP per playback reply (multipart), as recorders from 2020 on can send. Default on.</summary>
        public bool Multipart { get; set; } = true;

        /// <summary>How long the TCP connect, the TLS handshake and the connect answer may take together. Default 10 s.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Longest wait for any message once connected. Default 30 s: live sockets get a
        /// livepackage at least every 5 s (WIP), and a playback reply takes well under that.
        /// </summary>
        public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>These options with the certificate policy of the management server, which the Recording Servers follow; the caller's object is left as it is.</summary>
        internal ImageServerClientOptions WithCertificatePolicy(bool allowUntrusted) => new ImageServerClientOptions
        {
            Limits = Limits,
            AllowUntrustedCertificate = allowUntrusted,
            Multipart = Multipart,
            ConnectTimeout = ConnectTimeout,
            ReadTimeout = ReadTimeout,
        };
    }
}
