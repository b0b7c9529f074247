using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>One reading of the file with the command line on top: the settings as written, the server options they map to, and the certificate to load.</summary>
    internal sealed record ServeConfiguration(RtmpxConfig Settings, RtmpServerOptions Options, CertificateFiles? Certificate)
    {
        /// <summary>The file's streams with their URLs read; empty without a file.</summary>
        public System.Collections.Generic.IReadOnlyList<RtmpXProtect.Engine.Streaming.StreamDefinition> Streams { get; init; } = System.Array.Empty<RtmpXProtect.Engine.Streaming.StreamDefinition>();
    }
}
