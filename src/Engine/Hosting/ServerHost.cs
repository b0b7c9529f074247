using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Security;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Streaming.Sources;
using Serilog;
using Serilog.Core;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>
    /// The one host of the server that `rtmpx serve` and Start-RtmpIngest both run: the RTMP(S)
    /// server from a configuration file with overrides on top, the file's streams under a
    /// supervisor, an optional status API, and reloads on request (SIGHUP) or when the file or its
    /// certificate changes on disk: a good file is applied with <see cref="RtmpServer.Reconfigure"/>,
    /// a bad one is logged and the running configuration kept.
    /// </summary>
    /// <remarks>
    /// A certificate the file names but that does not exist yet (an instance whose certificate is
    /// provisioned after it is installed) does not stop the server: RTMPS waits, with a warning, and
    /// starts when the file appears. A certificate file that changes (renewed in place) restarts only
    /// the TLS listener; sessions already accepted keep streaming.
    /// </remarks>
    public sealed class ServerHost : IAsyncDisposable
    {
        private readonly ServerHostOptions _options;
        private readonly ILogger _log;
        private readonly Channel<string> _reloads = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly List<X509Certificate2> _certificates = new List<X509Certificate2>();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private ServeConfiguration _current;
        private X509Certificate2? _certificate;
        private string? _certificateStamp;
        private IAsyncDisposable? _api;
        private WatchedFiles? _watch;
        private Task _reloadLoop = Task.CompletedTask;
        private int _stopped;

        private ServerHost(ServerHostOptions options, ServeConfiguration current, ILogger log)
        {
            _options = options;
            _current = current;
            _log = log;
            Server = null!;
            Streams = null!;
        }

        /// <summary>Raised after every reload attempt with whether the new file is now running (tests and faces wait on it).</summary>
        public event Action<bool>? Reloaded;

        /// <summary>The running server: its events, hub, status and drops.</summary>
        public RtmpServer Server { get; private set; }

        /// <summary>The configuration's streams and their workers.</summary>
        public StreamSupervisor Streams { get; private set; }

        /// <summary>The configuration now running (after the last good reload).</summary>
        public ServeConfiguration Current => Volatile.Read(ref _current);

        /// <summary>Whether RTMPS is configured but waits for its certificate file.</summary>
        public bool TlsWaitsForCertificate { get; private set; }

        /// <summary>
        /// Reads the configuration, binds the listeners, starts the API and the enabled streams, and
        /// begins watching the files. Fails (leaving nothing running) on a configuration that breaks a
        /// rule, a certificate that cannot be loaded, a port in use or an API that cannot start.
        /// </summary>
        /// <exception cref="RtmpxConfigException">The configuration is invalid; every problem is listed.</exception>
        /// <exception cref="CertificateLoadException">The RTMPS certificate cannot be used.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">A port is in use.</exception>
        /// <exception cref="InvalidOperationException">Nothing would listen, or the status API did not start.</exception>
        public static async Task<ServerHost> StartAsync(ServerHostOptions options, CancellationToken cancel = default)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            cancel.ThrowIfCancellationRequested();
            var current = options.Initial ?? ServeConfigurationReader.Read(options.ConfigFile, options.Overrides);
            var host = new ServerHost(options, current, options.Log ?? Logger.None);
            try
            {
                await host.StartAsync().ConfigureAwait(false);
                return host;
            }
            catch
            {
                await host.StopAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Asks for a reload (SIGHUP); a burst of requests while one runs gives one more.</summary>
        /// <param name="trigger">Why, for the log line ("SIGHUP").</param>
        public void RequestReload(string trigger) => _reloads.Writer.TryWrite(trigger);

        /// <summary>Stops the streams, then the server (connected clients are closed, recordings finalised). Safe to call twice.</summary>
        public async Task StopAsync()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }

            _stopping.Cancel();
            await _reloadLoop.ConfigureAwait(false);
            _watch?.Dispose();
            if (Streams != null)
            {
                await Streams.DisposeAsync().ConfigureAwait(false);
            }

            if (_api != null)
            {
                await _api.DisposeAsync().ConfigureAwait(false);
            }

            if (Server != null)
            {
                _log.Information("Stopping: closing {Connections} connections and finalising recordings", Server.ConnectionCount);
                await Server.DisposeAsync().ConfigureAwait(false);
                _log.Information("Stopped");
            }

            foreach (var certificate in _certificates)
            {
                certificate.Dispose();
            }
        }

        /// <summary>Same as <see cref="StopAsync"/>.</summary>
        public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

        private async Task StartAsync()
        {
            var options = _current.Options;
            _options.Customize?.Invoke(options);
            Commit(ChooseCertificate(_current, starting: true, options));
            Server = new RtmpServer(options, _log);
            Server.Start();
            LogBanner(options);

            Streams = new StreamSupervisor(Worker, new StreamSupervisorOptions { Logger = _log });
            Streams.EventRaised += LogEvent;
            if (_options.StartApi != null)
            {
                _api = await _options.StartApi(this).ConfigureAwait(false) ?? throw new InvalidOperationException("The status API did not start (the log says why).");
            }

            if (_current.Streams.Count > 0)
            {
                await Streams.ApplyAsync(_current.Streams).ConfigureAwait(false);
            }

            Watch(_current);
            _reloadLoop = Task.Run(ReloadLoopAsync);
        }

        private IStreamWorker Worker(StreamDefinition definition)
            => _options.Workers?.Invoke(definition, Server)
               ?? new InProcessStreamWorker(definition, d => FrameSources.Create(d.Source, new FrameSourceContext { Server = Server }));

        private async Task ReloadLoopAsync()
        {
            try
            {
                while (true)
                {
                    var trigger = await _reloads.Reader.ReadAsync(_stopping.Token).ConfigureAwait(false);
                    var applied = false;
                    try
                    {
                        applied = Reload(trigger);
                        if (applied)
                        {
                            await Streams.ApplyAsync(_current.Streams).ConfigureAwait(false);
                            Watch(_current);
                        }
                    }
                    catch (Exception e) when (!(e is OperationCanceledException))
                    {
                        // One reload that fails (no inotify watch left, a stream that cannot be applied)
                        // must not end reloading for the life of the process.
                        _log.Error(e, "Reload ({Trigger}) failed: {Error}", trigger, e.Message);
                    }

                    Reloaded?.Invoke(applied);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        // The configuration file and the certificate files it names; a reload that names other
        // certificate files moves the watch.
        private void Watch(ServeConfiguration configuration)
        {
            if (_options.ConfigFile == null)
            {
                return;
            }

            var files = new List<System.IO.FileInfo> { _options.ConfigFile };
            files.AddRange(configuration.Certificate?.Files ?? Array.Empty<System.IO.FileInfo>());
            if (_watch != null && _watch.Paths.SetEquals(files.Select(f => f.FullName)))
            {
                return;
            }

            _watch?.Dispose();
            _watch = new WatchedFiles(files, () => RequestReload("changed"));
        }

        // One reload at a time, from the loop. True when the new configuration is the current one, so
        // its streams are applied.
        private bool Reload(string trigger)
        {
            var name = _options.ConfigFile?.Name ?? "configuration";
            TlsChoice? tls = null;
            bool Reject(IEnumerable<string> errors)
            {
                foreach (var error in errors)
                {
                    _log.Error("Rejected {File} ({Trigger}), keeping the running configuration: {Error}", name, trigger, error);
                }

                if (tls?.Fresh == true)
                {
                    tls.Value.Certificate!.Dispose();
                }

                return false;
            }

            ServeConfiguration next;
            try
            {
                next = ServeConfigurationReader.Read(_options.ConfigFile, _options.Overrides);
                _options.Customize?.Invoke(next.Options);
                tls = ChooseCertificate(next, starting: false, next.Options);
            }
            catch (RtmpxConfigException e)
            {
                return Reject(e.Errors);
            }
            catch (CertificateLoadException e)
            {
                return Reject(new[] { e.Message });
            }

            Reconfiguration result;
            try
            {
                result = Server.Reconfigure(next.Options);
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException)
            {
                return Reject(new[] { e.Message });
            }
            catch (System.Net.Sockets.SocketException e)
            {
                // Access and limits are applied; the listener that could not move stays where it was.
                _log.Error("Reloaded {File} ({Trigger}) in part: a listener could not move ({Error})", name, trigger, e.Message);
                Commit(tls.Value);
                Volatile.Write(ref _current, next);
                return true;
            }

            Commit(tls.Value);
            _log.Information("Reloaded {File} ({Trigger}): {Changes}", name, trigger, ConfigChanges.Describe(_current.Settings, next.Settings, result));
            Volatile.Write(ref _current, next);
            return true;
        }

        // What RTMPS uses under `next`, put into its options but not yet made the host's: a certificate
        // given in memory (Start-RtmpIngest), the running one while its files are unchanged, or one
        // loaded anew. A certificate file that does not exist yet leaves RTMPS waiting, unless the
        // command line named it (an operator who typed a path wants to hear it is wrong).
        private TlsChoice ChooseCertificate(ServeConfiguration next, bool starting, RtmpServerOptions options)
        {
            var files = next.Certificate;
            if (options.Certificate != null || files == null)
            {
                return new TlsChoice(null, null, Waiting: false, Fresh: false);
            }

            if (!files.Exists && _options.Overrides.Certificate == null)
            {
                if (!TlsWaitsForCertificate || starting)
                {
                    _log.Warning("RTMPS waits for its certificate: {Certificate} does not exist yet; it starts when the file appears", files.Certificate.FullName);
                }

                options.TlsEndpoint = null;
                options.RtspsEndpoint = null;
                if (options.Endpoint == null)
                {
                    throw new RtmpxConfigException(new[] { $"listeners.rtmps: {files.Certificate.FullName} does not exist and listeners.rtmp is off, so nothing would listen." });
                }

                return new TlsChoice(null, null, Waiting: true, Fresh: false);
            }

            var stamp = files.Stamp();
            if (_certificate != null && stamp == _certificateStamp)
            {
                options.Certificate = _certificate;
                return new TlsChoice(_certificate, stamp, Waiting: false, Fresh: false);
            }

            var certificate = ServerCertificate.Load(files.Certificate.FullName, files.Key?.FullName, SecretSource.Read(files.PasswordFile, files.PasswordEnvironment));
            _log.Information("RTMPS certificate {Subject}, valid until {NotAfter:yyyy-MM-dd}, SHA-256 thumbprint {Thumbprint}", certificate.Subject, certificate.NotAfter.ToUniversalTime(), Thumbprint(certificate));
            options.Certificate = certificate;
            return new TlsChoice(certificate, stamp, Waiting: false, Fresh: true);
        }

        // The choice of a configuration that now runs. A replaced certificate is kept to the end:
        // TLS sessions accepted with it may still run.
        private void Commit(TlsChoice tls)
        {
            if (tls.Fresh)
            {
                _certificates.Add(tls.Certificate!);
            }

            _certificate = tls.Certificate;
            _certificateStamp = tls.Stamp;
            TlsWaitsForCertificate = tls.Waiting;
        }

        private static string Thumbprint(X509Certificate2 certificate)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(certificate.RawData)).Replace("-", string.Empty);
        }

        // What the XProtect plugin will write to its System Log, in the host's log now. A crashed
        // worker is logged by the supervisor itself (Error), with its restart delay.
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

        private void LogBanner(RtmpServerOptions options)
        {
            if (options.Endpoint != null)
            {
                var (host, port) = Shown(Server.LocalEndPoint);
                _log.Information("rtmpx listening on {Endpoint}", Server.LocalEndPoint);
                _log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmp://{Host}:{Port}/live/STREAM  (OBS: server rtmp://{Host}:{Port}/live, stream key STREAM)", host, port, host, port);
                _log.Information("Play:    ffplay rtmp://{Host}:{Port}/live/STREAM  (VLC: Media > Open Network Stream)", host, port);
            }

            if (options.TlsEndpoint != null)
            {
                var (host, port) = Shown(Server.TlsLocalEndPoint);
                _log.Information("rtmpx listening for RTMPS on {Endpoint}", Server.TlsLocalEndPoint);
                _log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmps://{Host}:{Port}/live/STREAM  (OBS: server rtmps://{Host}:{Port}/live, stream key STREAM)", host, port, host, port);
                _log.Information("Play:    ffplay rtmps://{Host}:{Port}/live/STREAM  (the host name must be one the certificate names, or the client must not verify it)", host, port);
            }

            if (options.RtspEndpoint != null)
            {
                var (host, port) = Shown(Server.RtspLocalEndPoint);
                _log.Information("Play over RTSP: ffplay rtsp://{Host}:{Port}/live/STREAM  (XProtect: add an RTSP camera with this URL)", host, port);
            }

            if (options.RtspsEndpoint != null)
            {
                var (host, port) = Shown(Server.RtspsLocalEndPoint);
                _log.Information("Play over RTSPS: ffplay rtsps://{Host}:{Port}/live/STREAM", host, port);
            }

            if (options.Access is AccessPolicy { Mode: AccessMode.Fixed, Paths.Count: 0 })
            {
                _log.Warning("paths.mode is fixed and no path is listed: every publish and play is refused until paths are added");
            }
            else if (options.Access is AccessPolicy access)
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
                _log.Information("Recording every publish to {Directory} as {Format}", options.RecordDirectory, options.Recording.Format);
            }

            if (_options.ConfigFile != null)
            {
                _log.Information("Reloading {File} on SIGHUP and when it changes", _options.ConfigFile.FullName);
            }
        }

        private static (string Host, int Port) Shown(IPEndPoint bound)
        {
            var host = IPAddress.Any.Equals(bound.Address) || IPAddress.IPv6Any.Equals(bound.Address) ? Dns.GetHostName() : bound.Address.ToString();
            return (bound.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && host.IndexOf(':') >= 0 ? $"[{host}]" : host, bound.Port);
        }

        // The RTMPS certificate a configuration runs with and the stamp of its files; Fresh when loaded
        // for it (a rejected reload disposes it); Waiting when its file does not exist yet.
        private readonly record struct TlsChoice(X509Certificate2? Certificate, string? Stamp, bool Waiting, bool Fresh);
    }
}
