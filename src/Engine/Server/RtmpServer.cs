using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Recording;
using Serilog;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// An RTMP server: accepts connections, lets clients publish and play streams through a
    /// <see cref="StreamHub"/>, and records publishes when asked to.
    /// </summary>
    public sealed partial class RtmpServer : IAsyncDisposable
    {
        // Fine enough for timeouts of 100 ms and more (AdmissionLimits refuses less), cheap for thousands of connections.
        internal static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(250);
        private readonly ConcurrentDictionary<long, Task> _connections = new ConcurrentDictionary<long, Task>();
        private readonly ConcurrentDictionary<long, RtmpConnection> _live = new ConcurrentDictionary<long, RtmpConnection>();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConnectionAdmission _admission;
        private Task? _sweep;
        private Socket? _listener;
        private Socket? _tlsListener;
        private Task? _acceptLoop;
        private Task? _tlsAcceptLoop;
        private long _nextConnectionId;
        private RtmpXProtect.Engine.Hooks.HookDispatcher? _hooks;
        private RtmpServerOptions _options;
        private RtmpXProtect.Engine.Server.Access.AccessDecider? _access;

        /// <summary>Creates a server; nothing listens before <see cref="Start"/>.</summary>
        public RtmpServer(RtmpServerOptions? options = null, ILogger? logger = null)
        {
            _options = options ?? new RtmpServerOptions();
            Log = logger ?? Serilog.Core.Logger.None;
            Hub = new StreamHub(Options.MaxGopCacheBytes);
            _access = Options.Access == null ? null : new RtmpXProtect.Engine.Server.Access.AccessDecider(Options.Access);
            _admission = new ConnectionAdmission(Options.Admission);
            _hooks = CreateHooks(Options);
            Meter = new RtmpXProtect.Engine.Status.ServerMeter(this);
        }

        /// <summary>The server's counters and gauges as .NET metrics instruments (meter <see cref="RtmpXProtect.Engine.Status.ServerMeter.MeterName"/>).</summary>
        public RtmpXProtect.Engine.Status.ServerMeter Meter { get; }

        /// <summary>
        /// Raised when a publish starts and its codecs are known (see <see cref="StreamEvent"/>), on
        /// the publisher's or the sweep's thread: handlers must return quickly.
        /// </summary>
        public event Action<StreamEvent>? StreamStarted;

        /// <summary>Raised once after every <see cref="StreamStarted"/> when that publish ends, whatever ended it.</summary>
        public event Action<StreamEvent>? StreamStopped;

        /// <summary>How many connections were refused or closed, by reason; the metrics read these.</summary>
        public RejectionCounters Rejections { get; } = new RejectionCounters();

        /// <summary>Monotonic time since the server was made; timeouts and the token buckets use it.</summary>
        internal TimeSpan Now => _clock.Elapsed;

        /// <summary>The options it runs with: those given to the constructor, or to the last <see cref="Reconfigure"/>.</summary>
        public RtmpServerOptions Options => Volatile.Read(ref _options);

        /// <summary>Applies <see cref="RtmpServerOptions.Access"/>; null for an open server. A reload swaps it whole.</summary>
        internal RtmpXProtect.Engine.Server.Access.AccessDecider? Access => Volatile.Read(ref _access);

        /// <summary>The live streams.</summary>
        public StreamHub Hub { get; }

        /// <summary>Where it listens for plain RTMP (with the real port when port 0 was asked for).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener?.LocalEndPoint ?? throw new InvalidOperationException("The server is not started or has no plain RTMP endpoint."));

        /// <summary>Where it listens for RTMPS (with the real port when port 0 was asked for).</summary>
        public IPEndPoint TlsLocalEndPoint => (IPEndPoint)(_tlsListener?.LocalEndPoint ?? throw new InvalidOperationException("The server is not started or has no RTMPS endpoint."));

        /// <summary>How many clients are connected.</summary>
        public int ConnectionCount => _connections.Count;

        internal ILogger Log { get; }

        /// <summary>Binds every endpoint set in the options and starts accepting.</summary>
        /// <exception cref="InvalidOperationException">No endpoint, or RTMPS without a certificate with its private key.</exception>
        public void Start()
        {
            if (Options.Endpoint == null && Options.TlsEndpoint == null)
            {
                throw new InvalidOperationException("Neither an RTMP nor an RTMPS endpoint is set.");
            }

            var certificate = Options.Certificate;
            if ((Options.TlsEndpoint != null || Options.RtspsEndpoint != null) && (certificate == null || !certificate.HasPrivateKey))
            {
                throw new InvalidOperationException("RTMPS and RTSPS need a certificate with its private key.");
            }

            Socket? listener = null;
            if (Options.Endpoint != null)
            {
                listener = Listen(Options.Endpoint);
            }

            if (Options.TlsEndpoint != null)
            {
                try
                {
                    _tlsListener = Listen(Options.TlsEndpoint);
                }
                catch
                {
                    listener?.Dispose();
                    throw;
                }

                _tlsAcceptLoop = AcceptLoopAsync(_tlsListener, socket => new TlsTransport(socket, certificate!, Options.TlsHandshakeTimeout));
            }

            if (listener != null)
            {
                _listener = listener;

                // Writers send from the thread that queues and must never block it.
                _acceptLoop = AcceptLoopAsync(listener, socket =>
                {
                    socket.Blocking = false;
                    return new SocketTransport(socket);
                });
            }

            try
            {
                StartRtsp(certificate);
            }
            catch
            {
                // The loops already running end at the cancel instead of retrying on disposed sockets.
                _stopping.Cancel();
                _listener?.Dispose();
                _tlsListener?.Dispose();
                throw;
            }

            _sweep = SweepLoopAsync();
            StartPathSources();
        }

        /// <summary>
        /// Stops accepting, closes every connection (players are told the stream ended) and
        /// finalises every recording before it returns.
        /// </summary>
        public async Task StopAsync()
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _listener?.Dispose();
            _tlsListener?.Dispose();
            await StopRtspAsync().ConfigureAwait(false);
            await StopPathSourcesAsync().ConfigureAwait(false);
            if (_acceptLoop != null)
            {
                await _acceptLoop.ConfigureAwait(false);
            }

            if (_tlsAcceptLoop != null)
            {
                await _tlsAcceptLoop.ConfigureAwait(false);
            }

            if (_sweep != null)
            {
                await _sweep.ConfigureAwait(false);
            }

            await Task.WhenAll(_connections.Values).ConfigureAwait(false);
            await Task.WhenAll(RecordingsInProgress()).ConfigureAwait(false);

            // After the connections: their StreamStopped events are queued by now.
            var hooks = Interlocked.Exchange(ref _hooks, null);
            if (hooks != null)
            {
                await hooks.StopAsync().ConfigureAwait(false);
            }
        }

        private RtmpXProtect.Engine.Hooks.HookDispatcher? CreateHooks(RtmpServerOptions options)
            => options.Hooks == null || options.Hooks.IsEmpty ? null : new RtmpXProtect.Engine.Hooks.HookDispatcher(options.Hooks, Log);

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            Meter.Dispose();
            _stopping.Dispose();
        }

        /// <summary>Logs the event, tells the subscribers and queues it for the hooks; a failing subscriber is logged.</summary>
        internal void RaiseStreamEvent(StreamEvent e)
        {
            var log = Log.ForContext("SessionId", e.SessionId).ForContext("Path", e.Path);
            if (e.Kind == StreamEventKind.StreamStarted)
            {
                log.Information(
                    "Stream started {StreamPath} from {PublisherAddress}: video {VideoCodec} {Width}x{Height}, audio {AudioCodec}",
                    e.Path,
                    e.PublisherAddress,
                    e.VideoCodec ?? "none",
                    e.Width,
                    e.Height,
                    e.AudioCodec ?? "none");
            }
            else
            {
                log.Information(
                    "Stream stopped {StreamPath} from {PublisherAddress} after {DurationSeconds:0.0} s at {BitrateKbps} kbit/s: {StopReason}",
                    e.Path,
                    e.PublisherAddress,
                    e.Duration.TotalSeconds,
                    e.BitrateKbps,
                    e.Reason);
            }

            var handlers = e.Kind == StreamEventKind.StreamStarted ? StreamStarted : StreamStopped;
            foreach (var handler in handlers?.GetInvocationList() ?? Array.Empty<Delegate>())
            {
                try
                {
                    ((Action<StreamEvent>)handler)(e);
                }
                catch (Exception error)
                {
                    // A subscriber's bug must neither end the publish nor keep the event from the others.
                    log.Error(error, "A {Event} handler failed", e.Kind);
                }
            }

            Volatile.Read(ref _hooks)?.Post(e);
        }

        private static Socket Listen(IPEndPoint endpoint)
        {
            var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(endpoint);
                listener.Listen(512);
                return listener;
            }
            catch
            {
                listener.Dispose();
                throw;
            }
        }

        private async Task AcceptLoopAsync(Socket listener, Func<Socket, IConnectionTransport> transport, bool rtsp = false)
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException)
                {
                    // A reload that moved this listener closed it: its loop ends, the new one runs.
                    if (_stopping.IsCancellationRequested || !IsListening(listener))
                    {
                        return;
                    }

                    Log.Warning("Accept failed: {Error}", e.Message);
                    continue;
                }

                var ticket = Admit(socket, rtsp);
                if (ticket == null)
                {
                    continue;
                }

                // Media is latency-sensitive and already batched by the writer: no Nagle delay.
                socket.NoDelay = true;
                var id = Interlocked.Increment(ref _nextConnectionId);
                if (rtsp)
                {
                    var connection = new Rtsp.RtspConnection(this, transport(socket), id, ticket);
                    _rtspLive[id] = connection;
                    _connections[id] = RunConnectionAsync(connection, () => _rtspLive.TryRemove(id, out _));
                }
                else
                {
                    var connection = new RtmpConnection(this, transport(socket), id, ticket);
                    _live[id] = connection;
                    _connections[id] = RunConnectionAsync(connection, () => _live.TryRemove(id, out _));
                }
            }
        }

        // Refused sockets are closed before a connection object or any RTMP byte exists.
        private AdmissionTicket? Admit(Socket socket, bool rtsp)
        {
            IPAddress address;
            try
            {
                address = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                socket.Dispose();
                return null;
            }

            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            var refused = _admission.TryAdmit(address, Now, out var ticket, out var log);
            if (refused == null)
            {
                return ticket;
            }

            if (rtsp)
            {
                CountRtspRejection(refused.Value);
            }
            else
            {
                Rejections.Increment(refused.Value);
            }
            if (log)
            {
                Log.Information("Refused a connection from {Address}: {Reason}", address, refused.Value);
            }

            socket.Dispose();
            return null;
        }

        // One loop per server rather than a timer per connection: every connection is checked
        // against its timeouts and memory budget four times a second.
        private async Task SweepLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(SweepInterval, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var now = Now;
                // The dictionaries' own enumerators: Values would lock every bucket and copy them all.
                foreach (var entry in _live)
                {
                    Sweep(entry.Value, now);
                }

                foreach (var entry in _rtspLive)
                {
                    Sweep(entry.Value, now);
                }

                _admission.Prune(now);
                SweepRecordings(now);
            }
        }

        private void Sweep(IServerConnection connection, TimeSpan now)
        {
            try
            {
                connection.Sweep(now);
            }
            catch (Exception e)
            {
                // One connection's failure must not stop the others' timeouts.
                Log.Error(e, "Checking connection {Id} failed", connection.Id);
            }
        }

        private async Task RunConnectionAsync(IServerConnection connection, Action removed)
        {
            await Task.Yield();
            try
            {
                await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // A bug in one connection must not take the server down; it is logged loudly.
                Log.Error(e, "Connection {Id} from {Remote} failed", connection.Id, connection.Remote);
                connection.Abort("internal error");
            }
            finally
            {
                removed();
                connection.Ticket.Release();
                _connections.TryRemove(connection.Id, out _);
            }
        }
    }
}
