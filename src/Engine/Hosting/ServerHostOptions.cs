using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>
    /// What a <see cref="ServerHost"/> runs: a configuration file (or none) with overrides on top, and
    /// the parts each face supplies: `rtmpx serve` its helper processes and its HTTP status API,
    /// Start-RtmpIngest its in-memory options.
    /// </summary>
    public sealed class ServerHostOptions
    {
        /// <summary>The rtmpx.json to serve and reload; null serves the defaults with <see cref="Overrides"/>.</summary>
        public FileInfo? ConfigFile { get; set; }

        /// <summary>What the command line gave; it keeps winning over the file after every reload.</summary>
        public ServeOverrides Overrides { get; set; } = new ServeOverrides();

        /// <summary>
        /// The configuration already read (what the caller read to set up its logging), so start does
        /// not read the file twice; null reads it.
        /// </summary>
        public ServeConfiguration? Initial { get; set; }

        /// <summary>
        /// Changes the server options after the file and the overrides, at start and on every reload:
        /// for options that are not files (a certificate object, keys given as SecureString).
        /// </summary>
        public Action<RtmpServerOptions>? Customize { get; set; }

        /// <summary>
        /// Makes the worker that runs a configured stream, given the running server; null, or a null
        /// result, runs the stream in this process.
        /// </summary>
        public Func<StreamDefinition, RtmpServer, IStreamWorker?>? Workers { get; set; }

        /// <summary>
        /// Starts the status API over the running host; a null result means it could not start (it
        /// logged why) and the host does not start either. Null: no API.
        /// </summary>
        public Func<ServerHost, Task<IAsyncDisposable?>>? StartApi { get; set; }

        /// <summary>Where the host and its server log; nothing when null.</summary>
        public ILogger? Log { get; set; }
    }
}
