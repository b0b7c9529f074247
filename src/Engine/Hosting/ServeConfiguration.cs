using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>One reading of the file with the command line on top: the settings as written, the server options they map to, and the certificate to load.</summary>
    /// <param name="Settings">The file's settings with the command line applied and paths made absolute.</param>
    /// <param name="Options">The server options they map to (no certificate loaded yet).</param>
    /// <param name="Certificate">Where the RTMPS certificate is read from; null without RTMPS.</param>
    public sealed record ServeConfiguration(RtmpxConfig Settings, RtmpServerOptions Options, CertificateFiles? Certificate)
    {
        /// <summary>The file's streams with their URLs read; empty without a file.</summary>
        public System.Collections.Generic.IReadOnlyList<RtmpXProtect.Engine.Streaming.StreamDefinition> Streams { get; init; } = System.Array.Empty<RtmpXProtect.Engine.Streaming.StreamDefinition>();
    }
}
