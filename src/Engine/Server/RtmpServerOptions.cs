using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using RtmpXProtect.Engine.Rtmp.Sessions;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>What an <see cref="RtmpServer"/> listens on and how it treats its peers.</summary>
    public sealed class RtmpServerOptions
    {
        /// <summary>
        /// Where to listen for plain RTMP. Default 0.0.0.0:1935, the RTMP port; port 0 picks a free one;
        /// null serves RTMPS only.
        /// </summary>
        public IPEndPoint? Endpoint { get; set; } = new IPEndPoint(IPAddress.Any, 1935);

        /// <summary>
        /// Where to listen for RTMPS (RTMP inside TLS 1.2 or 1.3), next to <see cref="Endpoint"/>. Null by
        /// default; 443 is what hosted services use, port 0 picks a free one. Needs <see cref="Certificate"/>.
        /// </summary>
        public IPEndPoint? TlsEndpoint { get; set; }

        /// <summary>Where to listen for RTSP (every path also plays as rtsp://HOST:PORT/APP/STREAM); null for none.</summary>
        public IPEndPoint? RtspEndpoint { get; set; }

        /// <summary>Where to listen for RTSPS (RTSP inside TLS, with <see cref="Certificate"/>); null for none.</summary>
        public IPEndPoint? RtspsEndpoint { get; set; }

        /// <summary>Paths whose video comes from a source (an RTSP camera, an RTMP server, a file) instead of a publisher.</summary>
        public System.Collections.Generic.IList<RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions> PathSources { get; } = new System.Collections.Generic.List<RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions>();

        /// <summary>The UDP ports RTSP players over UDP are sent from, a pair per track.</summary>
        public RtmpXProtect.Engine.Server.Rtsp.PortRange RtspUdpPorts { get; set; } = new RtmpXProtect.Engine.Server.Rtsp.PortRange(30000, 30999);

        /// <summary>
        /// The server certificate for <see cref="TlsEndpoint"/> and <see cref="RtspsEndpoint"/>, with its private key. The server does not
        /// dispose it: its owner does, after the server stopped.
        /// </summary>
        public X509Certificate2? Certificate { get; set; }

        /// <summary>
        /// Time a peer has to complete the TLS handshake, before the RTMP handshake's own timeout starts.
        /// Default 10 s: two round trips and a signature, as for <see cref="HandshakeTimeout"/>.
        /// </summary>
        public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Bounds on what peers send.</summary>
        public WireLimits Limits { get; set; } = WireLimits.Default;

        /// <summary>What sessions announce (chunk size, window).</summary>
        public ServerSessionOptions Session { get; set; } = ServerSessionOptions.Default;

        /// <summary>Connection caps and timeouts, each with a named reason.</summary>
        public AdmissionLimits Admission { get; set; } = new AdmissionLimits();

        /// <summary>When players fall behind.</summary>
        public PlayerQueuePolicy PlayerQueue { get; set; } = new PlayerQueuePolicy();

        /// <summary>
        /// Time a peer has to complete the handshake. Default 10 s: a real client needs one round
        /// trip; a port scanner or a stuck peer should not hold a connection longer.
        /// </summary>
        public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How long a publisher's bytes may wait in the kernel while nothing live takes its stream
        /// (no player, relay or XProtect feed; recorders do not count). Default 100 ms: the server
        /// wakes about ten times a second for such a publisher instead of once a message, which cuts
        /// the CPU of an ingest-only server by half or more, and a recording is none the worse for
        /// it. A joining player ends the wait at once; zero reads every byte as it comes.
        /// </summary>
        public TimeSpan UnwatchedReadDelay { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>
        /// Most bytes of one GOP kept for late joiners. Default 32 MiB: a 10 s GOP at 20 Mbps.
        /// </summary>
        public long MaxGopCacheBytes { get; set; } = 32 * 1024 * 1024;

        /// <summary>When set, every publish (unless its path says not to) is recorded in this folder, as <see cref="Recording"/> says.</summary>
        public string? RecordDirectory { get; set; }

        /// <summary>Format, file names, segments and retention of recordings.</summary>
        public RtmpXProtect.Engine.Recording.RecordingOptions Recording { get; set; } = new RtmpXProtect.Engine.Recording.RecordingOptions();

        /// <summary>
        /// Who may publish and play (keys, signed URLs, a callback). Null, the default, is an open
        /// server: anyone may publish or play any name. Read once, when the server is created.
        /// </summary>
        public RtmpXProtect.Engine.Server.Access.AccessPolicy? Access { get; set; }
    
        /// <summary>
        /// Webhooks and commands told of StreamStarted and StreamStopped. Null, the default, runs
        /// none. Read once, when the server is created.
        /// </summary>
        public RtmpXProtect.Engine.Hooks.HookOptions? Hooks { get; set; }
    }
}
