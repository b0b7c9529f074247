using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Hosting;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// An ingest server running inside the caller's process (Start-RtmpIngest): the engine's
    /// <see cref="ServerHost"/>, the host `rtmpx serve` runs too, with the same configuration file,
    /// reloads and stream supervision; its streams run in process (a PowerShell session has no rtmpx
    /// executable to launch as a helper) and it serves no HTTP API (its status is read directly).
    /// Stop it to release its ports.
    /// </summary>
    public sealed class IngestHost : IAsyncDisposable
    {
        private readonly ServerHost _host;

        private IngestHost(ServerHost host)
        {
            _host = host;
        }

        /// <summary>Where RTMP listens, with the port picked when 0 was asked for.</summary>
        public IPEndPoint Endpoint => Server.Options.Endpoint == null ? throw new InvalidOperationException("This ingest has no plain RTMP listener.") : Server.LocalEndPoint;

        /// <summary>Where RTMPS listens; null without RTMPS.</summary>
        public IPEndPoint? TlsEndpoint => Server.Options.TlsEndpoint == null ? null : Server.TlsLocalEndPoint;

        /// <summary>Where RTSP listens, or null when it does not.</summary>
        public IPEndPoint? RtspEndpoint => Server.Options.RtspEndpoint == null ? null : Server.RtspLocalEndPoint;

        /// <summary>The server itself, for callers that need its events or hub.</summary>
        public RtmpServer Server => _host.Server;

        /// <summary>When it started listening (what Start-RtmpIngest's view shows).</summary>
        public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

        /// <summary>
        /// Starts listening and the configuration's enabled streams. A configuration that breaks a
        /// rule, or a port in use, fails here and leaves nothing running.
        /// </summary>
        /// <exception cref="RtmpxConfigException">The configuration file is invalid or a stream's URL cannot be read.</exception>
        /// <exception cref="Security.CertificateLoadException">The file's RTMPS certificate cannot be loaded.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">A port is in use.</exception>
        /// <exception cref="InvalidOperationException">RTMPS is asked for without a certificate with its key.</exception>
        public static async Task<IngestHost> StartAsync(IngestHostOptions options, ILogger? log = null, CancellationToken cancel = default)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var fromFile = options.ConfigPath != null;
            var host = await ServerHost.StartAsync(
                new ServerHostOptions
                {
                    ConfigFile = fromFile ? new FileInfo(Path.GetFullPath(options.ConfigPath!)) : null,
                    Customize = server => Override(server, options, fromFile),
                    Log = log,
                },
                cancel).ConfigureAwait(false);
            return new IngestHost(host);
        }

        /// <summary>Streams, publishers, players and bitrates now (Get-RtmpIngest).</summary>
        public ServerStatus Status() => Server.GetStatus();

        /// <summary>The configuration's streams and how each is doing.</summary>
        public IReadOnlyList<StreamerStatus> Streams() => _host.Streams.Status();

        /// <summary>Stops the streams, then the server; connected clients are closed. Safe to call twice.</summary>
        public Task StopAsync() => _host.StopAsync();

        /// <summary>Same as <see cref="StopAsync"/>.</summary>
        public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

        private static void Override(RtmpServerOptions server, IngestHostOptions options, bool fromFile)
        {
            var defaults = new IngestHostOptions();
            if (!fromFile || !options.Address.Equals(defaults.Address) || options.Port != defaults.Port)
            {
                server.Endpoint = new IPEndPoint(options.Address, options.Port);
            }

            if (options.TlsPort != null)
            {
                server.TlsEndpoint = new IPEndPoint(options.Address, options.TlsPort.Value);
            }

            if (!fromFile || options.RtspPort != null)
            {
                server.RtspEndpoint = options.RtspPort == null ? null : new IPEndPoint(options.Address, options.RtspPort.Value);
            }

            if (options.Certificate != null)
            {
                server.Certificate = options.Certificate;
            }

            if (!fromFile || options.MaxConnections != defaults.MaxConnections)
            {
                server.Admission.MaxConnections = options.MaxConnections;
            }

            if (options.RecordDirectory != null)
            {
                server.RecordDirectory = options.RecordDirectory;
            }

            if (options.RecordFormat is { } format)
            {
                server.Recording.Format = format;
            }

            if (options.Paths.Count > 0 || options.PublishKeys.Count > 0)
            {
                server.Access = Access(options);
            }
        }

        private static AccessPolicy Access(IngestHostOptions options)
        {
            var policy = new AccessPolicy { Mode = options.Paths.Count > 0 ? AccessMode.Fixed : AccessMode.Open };
            var paths = new Dictionary<string, AccessPath>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in options.Paths.Concat(options.PublishKeys.Keys))
            {
                var trimmed = path.Trim('/');
                if (!paths.ContainsKey(trimmed))
                {
                    var entry = new AccessPath(trimmed);
                    paths.Add(trimmed, entry);
                    policy.Paths.Add(entry);
                }
            }

            foreach (var key in options.PublishKeys)
            {
                paths[key.Key.Trim('/')].PublishKeys.Add(key.Value);
            }

            return policy;
        }
    }
}
