using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Certificates;
using RtmpXProtect.Cli.Streaming;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Streaming.Sources;
using Serilog;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// Runs the server until stopped, and reloads the configuration file on SIGHUP and when it
    /// changes on disk: a good file is applied with <see cref="RtmpServer.Reconfigure"/>, a bad one is
    /// logged and the running configuration kept.
    /// </summary>
    internal sealed class ServingLoop
    {
        private readonly FileInfo? _file;
        private readonly ServeOverrides _overrides;
        private readonly Serilog.Core.Logger _log;
        private readonly Channel<string> _reloads = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly System.Collections.Generic.List<X509Certificate2> _certificates = new System.Collections.Generic.List<X509Certificate2>();
        private readonly RtmpXProtect.Cli.Http.StatusEndpoints _endpoints;
        private ServeConfiguration _current;
        private X509Certificate2? _certificate;

        public ServingLoop(FileInfo? file, ServeOverrides overrides, ServeConfiguration initial, Serilog.Core.Logger log, RtmpXProtect.Cli.Http.StatusEndpoints endpoints)
        {
            _file = file;
            _endpoints = endpoints;
            _overrides = overrides;
            _current = initial;
            _log = log;
        }

        /// <summary>Serves until <paramref name="stop"/>; 0 after a clean stop, 2 when it could not start.</summary>
        public async Task<int> RunAsync(CancellationToken stop)
        {
            try
            {
                _certificate = LoadCertificate(_current.Certificate);
            }
            catch (CertificateLoadException e)
            {
                _log.Error("{Error}", e.Message);
                return 2;
            }

            try
            {
                _current.Options.Certificate = _certificate;
                return await ServeAsync(stop);
            }
            finally
            {
                foreach (var certificate in _certificates)
                {
                    certificate.Dispose();
                }
            }
        }

        private async Task<int> ServeAsync(CancellationToken stop)
        {
            var options = _current.Options;
            await using var server = new RtmpServer(options, _log);
            try
            {
                server.Start();
            }
            catch (System.Net.Sockets.SocketException e)
            {
                _log.Error("Cannot listen on {Endpoint}: {Error}", (object?)options.Endpoint ?? options.TlsEndpoint, e.Message);
                return 2;
            }

            LogBanner(server, options);
            using var launcher = new HelperLauncher();
            var helperLogs = new ConcurrentDictionary<string, LogRing>(StringComparer.OrdinalIgnoreCase);
            await using var streams = new StreamSupervisor(
                definition => Worker(definition, server, launcher, helperLogs),
                new StreamSupervisorOptions { Logger = _log });
            streams.EventRaised += LogEvent;
            await using var http = await _endpoints.StartAsync(server, _log, streams);
            if (http == null)
            {
                return 2;
            }

            if (_current.Streams.Count > 0)
            {
                await streams.ApplyAsync(_current.Streams);
            }

            using var hangup = ListenForHangup();
            using var watch = _file == null ? null : new ConfigFileWatch(_file, () => _reloads.Writer.TryWrite("changed"));
            try
            {
                while (true)
                {
                    var trigger = await _reloads.Reader.ReadAsync(stop);
                    if (Reload(server, trigger))
                    {
                        await streams.ApplyAsync(_current.Streams);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                _log.Information("Stopping: closing {Connections} connections and finalising recordings", server.ConnectionCount);
            }

            await streams.ApplyAsync(Array.Empty<StreamDefinition>());
            await server.StopAsync();
            _log.Information("Stopped");
            return 0;
        }

        // An ingest: stream reads serve's own server (in process, no socket); any other runs in a helper
        // process, so a crashing source or codec cannot take the server down.
        private IStreamWorker Worker(StreamDefinition definition, RtmpServer server, HelperLauncher launcher, ConcurrentDictionary<string, LogRing> helperLogs)
        {
            if (definition.Source.StartsWith(FrameSources.IngestPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return new InProcessStreamWorker(definition, d => FrameSources.Create(d.Source, new FrameSourceContext { Server = server }));
            }

            return new HelperProcessWorker(definition, _file!.FullName, launcher, helperLogs.GetOrAdd(definition.Name, _ => new LogRing(1000)), _log);
        }

        // What the XProtect plugin will write to its System Log, in serve's log now. A crashed worker
        // is logged by the supervisor itself (Error), with its restart delay.
        private void LogEvent(StreamerEvent e)
        {
            switch (e.Kind)
            {
                case StreamerEventKind.StateChanged:
                    _log.Information("Stream {Stream}: {State}", e.Stream, e.Message);
                    break;
                case StreamerEventKind.DestinationStateChanged:
                    _log.Information("Stream {Stream} → {Destination}: {State}", e.Stream, e.Destination, e.Message);
                    break;
                case StreamerEventKind.Connected:
                    _log.Information("Stream {Stream} → {Destination}: connected", e.Stream, e.Destination);
                    break;
                case StreamerEventKind.Error:
                    _log.Warning("Stream {Stream}{Where}: {Error}", e.Stream, e.Destination == null ? string.Empty : " → " + e.Destination, e.Message);
                    break;
                case StreamerEventKind.Stopped:
                    _log.Information("Stream {Stream}: stopped", e.Stream);
                    break;
            }
        }

        private IDisposable? ListenForHangup()
        {
            if (_file == null)
            {
                return null;
            }

            try
            {
                return PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
                {
                    // Handled here: the default action would end the process.
                    context.Cancel = true;
                    _reloads.Writer.TryWrite("SIGHUP");
                });
            }
            catch (PlatformNotSupportedException)
            {
                return null;
            }
        }

        // One reload at a time, from the loop: a burst of triggers while one runs gives one more.
        // True when the new configuration is the current one, so its streams are applied.
        private bool Reload(RtmpServer server, string trigger)
        {
            var name = _file!.Name;
            ServeConfiguration next;
            X509Certificate2? certificate;
            try
            {
                next = ServeConfigurationReader.Read(_file, _overrides);
                certificate = next.Certificate == null ? null : next.Certificate.SameAs(_current.Certificate) && _certificate != null ? _certificate : LoadCertificate(next.Certificate);
            }
            catch (RtmpxConfigException e)
            {
                foreach (var error in e.Errors)
                {
                    _log.Error("Rejected {File} ({Trigger}), keeping the running configuration: {Error}", name, trigger, error);
                }

                return false;
            }
            catch (CertificateLoadException e)
            {
                _log.Error("Rejected {File} ({Trigger}), keeping the running configuration: {Error}", name, trigger, e.Message);
                return false;
            }

            next.Options.Certificate = certificate;
            Reconfiguration result;
            try
            {
                result = server.Reconfigure(next.Options);
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException)
            {
                _log.Error("Rejected {File} ({Trigger}), keeping the running configuration: {Error}", name, trigger, e.Message);
                return false;
            }
            catch (System.Net.Sockets.SocketException e)
            {
                // Access and limits are applied; the listener that could not move stays where it was.
                _log.Error("Reloaded {File} ({Trigger}) in part: a listener could not move ({Error})", name, trigger, e.Message);
                _current = next;
                _certificate = certificate;
                return true;
            }

            _log.Information("Reloaded {File} ({Trigger}): {Changes}", name, trigger, ConfigChanges.Describe(_current.Settings, next.Settings, result));
            _current = next;
            _certificate = certificate;
            return true;
        }

        private X509Certificate2? LoadCertificate(CertificateFiles? files)
        {
            if (files == null)
            {
                return null;
            }

            var certificate = ServerCertificate.Load(files.Certificate.FullName, files.Key?.FullName, SecretSource.Read(files.PasswordFile, files.PasswordEnvironment));
            _log.Information("RTMPS certificate {Subject}, valid until {NotAfter:yyyy-MM-dd}, SHA-256 thumbprint {Thumbprint}", certificate.Subject, certificate.NotAfter.ToUniversalTime(), certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));

            // Kept to the end: TLS sessions accepted with an old certificate may still be running.
            _certificates.Add(certificate);
            return certificate;
        }

        private void LogBanner(RtmpServer server, RtmpServerOptions options)
        {
            if (options.Endpoint != null)
            {
                var (host, port) = Shown(server.LocalEndPoint);
                _log.Information("rtmpx listening on {Endpoint}", server.LocalEndPoint);
                _log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmp://{Host}:{Port}/live/STREAM  (OBS: server rtmp://{Host}:{Port}/live, stream key STREAM)", host, port, host, port);
                _log.Information("Play:    ffplay rtmp://{Host}:{Port}/live/STREAM  (VLC: Media > Open Network Stream)", host, port);
            }

            if (options.TlsEndpoint != null)
            {
                var (host, port) = Shown(server.TlsLocalEndPoint);
                _log.Information("rtmpx listening for RTMPS on {Endpoint}", server.TlsLocalEndPoint);
                _log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmps://{Host}:{Port}/live/STREAM  (OBS: server rtmps://{Host}:{Port}/live, stream key STREAM)", host, port, host, port);
                _log.Information("Play:    ffplay rtmps://{Host}:{Port}/live/STREAM  (the host name must be one the certificate names, or the client must not verify it)", host, port);
            }

            if (options.Access is AccessPolicy access)
            {
                _log.Information(
                    "Publishing needs a key ({Mode} mode, {Paths} paths with their own keys, {Keys} keys for any path){Signed}; add ?key=KEY to the stream name",
                    access.Mode,
                    access.Paths.Count,
                    access.PublishKeys.Count,
                    access.SigningSecret != null ? " or a signed URL" : string.Empty);
            }

            if (options.RecordDirectory != null)
            {
                _log.Information("Recording every publish to {Directory}", options.RecordDirectory);
            }

            if (_file != null)
            {
                _log.Information("Reloading {File} on SIGHUP and when it changes", _file.FullName);
            }
        }

        private static (string Host, int Port) Shown(IPEndPoint bound)
        {
            var host = IPAddress.Any.Equals(bound.Address) || IPAddress.IPv6Any.Equals(bound.Address) ? Dns.GetHostName() : bound.Address.ToString();
            return (bound.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && host.Contains(':') ? $"[{host}]" : host, bound.Port);
        }
    }
}
