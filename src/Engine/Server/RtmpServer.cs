using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
    public sealed class RtmpServer : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<long, Task> _connections = new ConcurrentDictionary<long, Task>();
        private readonly ConcurrentDictionary<FlvRecorder, byte> _recorders = new ConcurrentDictionary<FlvRecorder, byte>();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private Socket? _listener;
        private Task? _acceptLoop;
        private long _nextConnectionId;

        /// <summary>Creates a server; nothing listens before <see cref="Start"/>.</summary>
        public RtmpServer(RtmpServerOptions? options = null, ILogger? logger = null)
        {
            Options = options ?? new RtmpServerOptions();
            Log = logger ?? Serilog.Core.Logger.None;
            Hub = new StreamHub(Options.MaxGopCacheBytes);
            Access = Options.Access == null ? null : new RtmpXProtect.Engine.Server.Access.AccessDecider(Options.Access);
        }

        /// <summary>The options it runs with.</summary>
        public RtmpServerOptions Options { get; }

        /// <summary>Applies <see cref="RtmpServerOptions.Access"/>; null for an open server.</summary>
        internal RtmpXProtect.Engine.Server.Access.AccessDecider? Access { get; }

        /// <summary>The live streams.</summary>
        public StreamHub Hub { get; }

        /// <summary>Where it listens (with the real port when port 0 was asked for).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener?.LocalEndPoint ?? throw new InvalidOperationException("The server is not started."));

        /// <summary>How many clients are connected.</summary>
        public int ConnectionCount => _connections.Count;

        internal ILogger Log { get; }

        /// <summary>Binds and starts accepting.</summary>
        public void Start()
        {
            var listener = new Socket(Options.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(Options.Endpoint);
                listener.Listen(512);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            _listener = listener;
            _acceptLoop = AcceptLoopAsync(listener);
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
            if (_acceptLoop != null)
            {
                await _acceptLoop.ConfigureAwait(false);
            }

            await Task.WhenAll(_connections.Values).ConfigureAwait(false);
            await Task.WhenAll(RecordingsInProgress()).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }

        internal FlvRecorder? StartRecording(LiveStream stream)
        {
            if (Options.RecordDirectory == null)
            {
                return null;
            }

            var recorder = FlvRecorder.Create(Options.RecordDirectory, stream.Key, DateTime.UtcNow, Log);
            _recorders[recorder] = 0;
            _ = recorder.Completion.ContinueWith(_ => _recorders.TryRemove(recorder, out byte _), TaskScheduler.Default);
            recorder.Detach = () => Hub.Unsubscribe(stream, recorder);
            Hub.Subscribe(stream.Key, recorder);
            return recorder;
        }

        private IEnumerable<Task> RecordingsInProgress()
        {
            foreach (var recorder in _recorders.Keys)
            {
                yield return recorder.Completion;
            }
        }

        private async Task AcceptLoopAsync(Socket listener)
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
                    if (_stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    Log.Warning("Accept failed: {Error}", e.Message);
                    continue;
                }

                // Media is latency-sensitive and already batched by the writer: no Nagle delay.
                socket.NoDelay = true;

                // Writers send from the thread that queues and must never block it.
                socket.Blocking = false;
                var id = Interlocked.Increment(ref _nextConnectionId);
                var connection = new RtmpConnection(this, socket, id);
                _connections[id] = RunConnectionAsync(connection);
            }
        }

        private async Task RunConnectionAsync(RtmpConnection connection)
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
                _connections.TryRemove(connection.Id, out _);
            }
        }
    }
}
