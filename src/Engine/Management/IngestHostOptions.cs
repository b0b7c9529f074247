using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// What Start-RtmpIngest starts: an ingest server in the calling process, from parameters or
    /// from an rtmpx.json. Keys arrive here as plain strings because the server compares bytes; the
    /// cmdlet takes them as SecureString and converts them only to fill this.
    /// </summary>
    public sealed class IngestHostOptions
    {
        /// <summary>The address RTMP listens on; all addresses by default.</summary>
        public IPAddress Address { get; set; } = IPAddress.Any;

        /// <summary>The RTMP port; 0 picks a free one (see <see cref="IngestHost.Endpoint"/>).</summary>
        public int Port { get; set; } = 1935;

        /// <summary>The RTMPS port, on <see cref="Address"/>; null for no RTMPS. Needs <see cref="Certificate"/>.</summary>
        public int? TlsPort { get; set; }

        /// <summary>
        /// The RTSP port, on <see cref="Address"/> (every path also plays as rtsp://HOST:PORT/APP/STREAM);
        /// 0 picks a free one. Null: none without a file, what the file says with one.
        /// </summary>
        public int? RtspPort { get; set; }

        /// <summary>The RTMPS server certificate with its private key.</summary>
        public X509Certificate2? Certificate { get; set; }

        /// <summary>The most connections at once; more are refused before their handshake.</summary>
        public int MaxConnections { get; set; } = 1000;

        /// <summary>
        /// The only paths (app/stream) that exist, as for the XProtect driver's fixed cameras; empty
        /// for open mode, where any path may be published.
        /// </summary>
        public IList<string> Paths { get; set; } = new List<string>();

        /// <summary>Path (app/stream) to the key a publisher must give (?key=…); a path given here but not in <see cref="Paths"/> is added to them.</summary>
        public IDictionary<string, string> PublishKeys { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Where published streams are recorded; null records nothing (or what the configuration file says).</summary>
        public string? RecordDirectory { get; set; }

        /// <summary>The recordings' format; null keeps the configuration file's, or fragmented MP4.</summary>
        public RtmpXProtect.Engine.Recording.RecordingFormat? RecordFormat { get; set; }

        /// <summary>
        /// An rtmpx.json to take everything from: listeners, limits, paths, keys, hooks and its
        /// streams, which then run in this process. A property above set away from its default
        /// (a port other than 1935, an address other than any, a certificate, paths, keys, a
        /// record directory, another connection limit) overrides what the file says.
        /// </summary>
        public string? ConfigPath { get; set; }
    }
}
