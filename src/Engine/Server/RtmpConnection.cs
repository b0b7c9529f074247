using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Recording;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server.Access;
using Serilog;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One client of the server: moves bytes between its socket and its session, and carries
    /// out what the session raises against the stream hub. Reads happen on one loop; writes go
    /// through a queue that any thread may fill (players are fed by their publisher's thread).
    /// </summary>
    internal sealed class RtmpConnection : IServerConnection
    {

        // What a session writes is copied out at once, under the session lock and on the same thread,
        // so one writer per thread serves every connection: a connection holds none of its own (the
        // handshake alone would have grown a per-connection one to 3 KiB for good).
        [ThreadStatic]
        private static ByteBufferWriter? t_scratch;
        private readonly RtmpServer _server;
        private readonly IConnectionTransport _transport;
        private ILogger _log;
        private readonly IPAddress? _remoteAddress;
        private ServerHandshake? _handshake;
        private readonly ServerSession _session;
        private readonly object _sessionGate = new object();
        private readonly OutboundQueue _outbound;
        private readonly List<SessionEvent> _events = new List<SessionEvent>();
        private readonly List<RtmpMessage> _media = new List<RtmpMessage>();
        private readonly Dictionary<uint, PlayerSink> _players = new Dictionary<uint, PlayerSink>();
        private readonly DateTime _connectedAt = DateTime.UtcNow;
        private CancellationTokenRegistration _handshakeTimeout;
        private CancellationTokenSource? _handshakeTimer;
        private LiveStream? _published;
        private uint _publishedStreamId;
        private DateTime _publishedAt;
        private string? _closeReason;

        // What StreamStopped gives as the reason when the connection ends: the first abort's, in camelCase.
        private string? _stopReason;
        private PublishTracker? _tracker;
        private readonly string _shownAddress;

        // Server-clock ticks (RtmpServer.Now): written by the read loop, read by the server's sweep.
        private readonly long _acceptedAt;
        private long _lastReadAt;
        private long _lastVideoAt = NoVideoYet;
        private long _lastPingAt = long.MinValue;
        private const long NoVideoYet = long.MinValue;

        // Which credential let this connection publish (never the key itself): a takeover with
        // TakeoverPolicy.SameKey compares it. Written before the hub sees this connection.
        private string? _publishKeyIdentity;

        // For the status API, read from other threads: bytes read and the path being played.
        private long _bytesIn;
        private volatile string? _playingPath;

        // What the running publish and each play (by stream id) were admitted with, for Recheck;
        // written by the read loop, read by a reload on another thread, both under _admissions.
        private readonly Dictionary<uint, SessionAdmission> _admissions = new Dictionary<uint, SessionAdmission>();
        private SessionAdmission? _publishAdmission;

        // The socket's low-water mark while the published stream is unwatched (0: none), set by
        // the sweep and by a joining player's thread, both under _lowWaterGate.
        private readonly object _lowWaterGate = new object();
        private int _receiveLowWater;
        private bool _lowWaterRefused;

        public RtmpConnection(RtmpServer server, IConnectionTransport transport, long id, AdmissionTicket ticket)
        {
            _server = server;
            Ticket = ticket;
            _acceptedAt = server.Now.Ticks;
            _lastReadAt = _acceptedAt;
            _transport = transport;
            Id = id;
            Remote = transport.RemoteEndPoint?.ToString() ?? "unknown";
            _remoteAddress = (transport.RemoteEndPoint as IPEndPoint)?.Address;
            var address = _remoteAddress != null && _remoteAddress.IsIPv4MappedToIPv6 ? _remoteAddress.MapToIPv4() : _remoteAddress;
            _shownAddress = address?.ToString() ?? string.Empty;

            // Every line of a connection carries these, so a file or a ring can be filtered by session.
            _log = server.Log.ForContext("SessionId", id).ForContext("RemoteAddress", _shownAddress);
            _handshake = new ServerHandshake(0);
            _session = new ServerSession(server.Options.Session, server.Options.Limits) { PooledPayloads = true };
            _outbound = transport.CreateOutbound(Abort);
        }

        public long Id { get; }

        /// <summary>This connection's place in the server's admission counts.</summary>
        public AdmissionTicket Ticket { get; }

        public string Remote { get; }

        /// <summary>Whether it came in on the RTMPS port.</summary>
        public bool IsTls => _transport is TlsTransport;

        public int ChunkSize => _session.OutgoingChunkSize;

        public long QueuedBytes => _outbound.QueuedBytes;

        public async Task RunAsync(CancellationToken serverStopping)
        {
            var reason = "closed by peer";
            CancellationTokenSource? timeout = null;
            using var stopping = serverStopping.Register(() => Abort("server stopping", "serverStopping"));
            try
            {
                // TLS first, under its own timeout; the RTMP handshake's clock starts after it.
                await _transport.AuthenticateAsync().ConfigureAwait(false);
                timeout = new CancellationTokenSource(_server.Options.HandshakeTimeout);
                _handshakeTimer = timeout;
                _handshakeTimeout = timeout.Token.Register(() => Abort(RejectionReason.HandshakeTimeout));
                await ReadLoopAsync().ConfigureAwait(false);
            }
            catch (TlsHandshakeException e)
            {
                reason = "tls handshake failed: " + e.Message;
                _server.Rejections.Increment(RejectionReason.TlsHandshakeFailed);
            }
            catch (RtmpProtocolException e)
            {
                var named = ProtocolRejection.Of(e, _handshake != null);
                reason = named + ": " + ProtocolRejection.Describe(e);
                _server.Rejections.Increment(named);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                reason = _closeReason ?? "connection lost: " + e.Message;
            }
            finally
            {
                _handshakeTimeout.Dispose();
                timeout?.Dispose();
                LeaveStreams();
                _outbound.Complete();
                await Task.WhenAny(_outbound.Drained, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
                Abort(reason);

                // Its place is free before the line says so: a peer that read the line may connect again at once.
                Ticket.Release();
                _log.Information("{Remote} disconnected after {Seconds:0.0} s: {Reason}", Remote, (DateTime.UtcNow - _connectedAt).TotalSeconds, _closeReason ?? reason);
            }
        }

        /// <summary>Closes the connection at once; the first reason given is the one logged.</summary>
        public void Abort(string reason) => Abort(reason, null);

        // stopReason is what StreamStopped gives (null: "disconnected"), named by the caller that knows it.
        private void Abort(string reason, string? stopReason)
        {
            if (Interlocked.CompareExchange(ref _closeReason, reason, null) != null)
            {
                return;
            }

            _stopReason = stopReason;
            _outbound.Complete();
            _transport.Close();
        }

        /// <summary>
        /// Closes the connection at once for a named reason, which the log line and the server's
        /// counters carry; nothing is counted when it was already closing for another reason.
        /// </summary>
        public void Abort(RejectionReason reason, string? detail = null)
        {
            var text = detail == null ? reason.ToString() : reason + ": " + detail;
            if (Interlocked.CompareExchange(ref _closeReason, text, null) != null)
            {
                return;
            }

            _server.Rejections.Increment(reason);
            var name = reason.ToString();
            _stopReason = char.ToLowerInvariant(name[0]) + name.Substring(1);
            _log.Information("{Remote} closed: {Reason}{Detail}", Remote, reason, detail == null ? string.Empty : " (" + detail + ")");
            _outbound.Complete();
            _transport.Close();
        }

        /// <summary>
        /// Called by the server's sweep: applies the memory budget and the timeouts, and pings a
        /// connection quiet for half the receive-idle timeout so a player that only receives answers.
        /// </summary>
        public void Sweep(TimeSpan now)
        {
            if (Volatile.Read(ref _closeReason) != null)
            {
                return;
            }

            Volatile.Read(ref _tracker)?.OnSweep(now);
            var limits = _server.Options.Admission;
            var held = _outbound.QueuedBytes + _session.PendingInputBytes;
            if (held > limits.MemoryBudgetPerConnection)
            {
                Abort(RejectionReason.MemoryBudgetExceeded, held + " bytes held");
                return;
            }

            if (!Ticket.IsDecided && now - TimeSpan.FromTicks(_acceptedAt) > limits.DecisionTimeout)
            {
                Abort(RejectionReason.DecisionTimeout);
                return;
            }

            var lastVideo = Volatile.Read(ref _lastVideoAt);
            if (lastVideo != NoVideoYet && _published != null && now - TimeSpan.FromTicks(lastVideo) > limits.VideoDataTimeout)
            {
                Abort(RejectionReason.VideoDataTimeout);
                return;
            }

            var lastRead = Volatile.Read(ref _lastReadAt);
            var quiet = now - TimeSpan.FromTicks(lastRead);
            if (quiet > limits.ReceiveIdleTimeout)
            {
                Abort(RejectionReason.ReceiveIdleTimeout);
                return;
            }

            // One ping per quiet spell: the answer (or anything else read) starts a new one.
            if (quiet.Ticks * 2 > limits.ReceiveIdleTimeout.Ticks && Volatile.Read(ref _lastPingAt) < lastRead)
            {
                SendPing(now);
            }

            UpdateReceiveLowWater(quiet);
        }

        /// <summary>A live sink joined the stream this connection publishes: its frames are wanted at once again.</summary>
        internal void OnWatched() => UpdateReceiveLowWater(TimeSpan.Zero);

        /// <summary>
        /// Batches the reads of a publish nothing live takes (ReceiveBatching) and ends the batching
        /// when something does, when the publish ends, or when the publisher went quiet.
        /// </summary>
        private void UpdateReceiveLowWater(TimeSpan quiet)
        {
            // The bitrate takes the stream's lock: read only for an unwatched stream, and before this
            // gate, never inside it (a joining player holds the stream's lock when it calls in here).
            var published = _published;
            var bitsPerSecond = published == null || published.IsWatched ? 0 : published.BitsPerSecond();
            lock (_lowWaterGate)
            {
                var stream = _published;
                var bytes = stream == null || stream.IsWatched
                    ? 0
                    : ReceiveBatching.BytesFor(bitsPerSecond, _server.Options.UnwatchedReadDelay, quiet, RtmpServer.SweepInterval);
                if (_lowWaterRefused || bytes == _receiveLowWater)
                {
                    return;
                }

                if (!_transport.TrySetReceiveLowWater(bytes))
                {
                    _lowWaterRefused = true;
                    return;
                }

                Volatile.Write(ref _receiveLowWater, bytes);
                _log.Debug("{Remote} reads {How}", Remote, bytes == 0 ? "bytes as they arrive" : "once " + bytes + " bytes wait (nothing live takes the stream)");
            }
        }

        /// <summary>
        /// Called after a reload swapped the access policy: closes this connection with
        /// <see cref="RejectionReason.AccessRevoked"/> when the new policy no longer allows its publish
        /// or any of its plays (null allows everything); otherwise leaves it untouched. True when it closed it.
        /// </summary>
        public bool Recheck(AccessDecider? access)
        {
            if (access == null || Volatile.Read(ref _closeReason) != null)
            {
                return false;
            }

            var running = new List<SessionAdmission>();
            lock (_admissions)
            {
                if (_publishAdmission != null)
                {
                    running.Add(_publishAdmission);
                }

                running.AddRange(_admissions.Values);
            }

            foreach (var admission in running)
            {
                var refusal = access.Recheck(admission.Request, admission.AdmittedBy);
                if (refusal != null)
                {
                    // ToString masks the query: the key the session presented never reaches the log.
                    Abort(RejectionReason.AccessRevoked, admission.Request.Action.ToString().ToLowerInvariant() + " " + admission.Request + ": " + refusal);
                    return true;
                }
            }

            return false;
        }

        private void SendPing(TimeSpan now)
        {
            lock (_sessionGate)
            {
                // Before the handshake and connect a chunk would break the peer's framing or confuse it.
                if (_handshake != null || _session.Connection == null)
                {
                    return;
                }

                _session.SendPing(unchecked((uint)(long)now.TotalMilliseconds), Scratch());
                FlushScratch();
            }

            Volatile.Write(ref _lastPingAt, now.Ticks);
        }

        /// <summary>Queues bytes, in a pooled <paramref name="owner"/> (or null) whose reference the queue takes over.</summary>
        public void Enqueue(ReadOnlyMemory<byte> bytes, RtmpXProtect.Engine.Buffers.SharedBuffer? owner, bool flush) => _outbound.Enqueue(bytes, owner, flush);

        /// <summary>When the peer connected.</summary>
        public DateTime ConnectedAt => _connectedAt;

        /// <summary>Bytes read from the peer.</summary>
        public long BytesIn => Interlocked.Read(ref _bytesIn);

        /// <summary>Bytes queued for the peer (media and control).</summary>
        public long BytesOut => _outbound.EnqueuedBytes;

        /// <summary>The stream this connection publishes, null when it does not.</summary>
        public LiveStream? Published => Volatile.Read(ref _published);

        /// <summary>The path (no query) this connection last started playing while it still plays; null otherwise.</summary>
        public string? PlayingPath => _playingPath;

        public void NotifyPublished(uint streamId, string name)
        {
            lock (_sessionGate)
            {
                _session.NotifyPublished(streamId, name, Scratch());
                FlushScratch();
            }
        }

        public void NotifyUnpublished(uint streamId, string name)
        {
            lock (_sessionGate)
            {
                _session.NotifyUnpublished(streamId, name, Scratch());
                FlushScratch();
            }
        }

        public void LogFallingBehind(uint streamId, long queued)
            => _log.Warning("{Remote} falls behind on stream {StreamId} ({Queued} bytes queued): skipping to the next keyframe", Remote, streamId, queued);

        public void LogCaughtUp(uint streamId, long dropped)
            => _log.Information("{Remote} caught up on stream {StreamId} ({Dropped} frames dropped so far)", Remote, streamId, dropped);

        private async Task ReadLoopAsync()
        {
            var waitForData = true;
            var readSize = ReadBufferSizing.Smallest;
            while (true)
            {
                if (waitForData && (_published == null || Volatile.Read(ref _receiveLowWater) > 0))
                {
                    // An empty read completes when data arrives (or the peer closes) without holding
                    // a buffer: an idle player costs no receive buffer at all (Kestrel does the same),
                    // nor does a batched publisher while its batch gathers in the kernel.
                    await _transport.WaitForDataAsync().ConfigureAwait(false);
                }

                var buffer = MediaArrayPool.Media.Rent(Math.Max(readSize, 2 * Volatile.Read(ref _receiveLowWater)));
                int read;
                try
                {
                    read = await _transport.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    Volatile.Write(ref _lastReadAt, _server.Now.Ticks);
                    Interlocked.Add(ref _bytesIn, read);

                    Process(new ReadOnlySpan<byte>(buffer, 0, read));
                }
                finally
                {
                    MediaArrayPool.Media.Return(buffer);
                }

                if (_events.Count > 0)
                {
                    await HandleEventsAsync().ConfigureAwait(false);
                }

                // A full buffer means more is probably waiting: read again at once. A publisher read
                // at once holds its buffer while it waits: it sends all the time, and the empty read
                // would cost it a second receive per message.
                waitForData = read < buffer.Length;
                readSize = ReadBufferSizing.Next(readSize, read);
            }
        }

        private void Process(ReadOnlySpan<byte> input)
        {
            lock (_sessionGate)
            {
                if (_handshake != null)
                {
                    var status = _handshake.Process(input, Scratch(), out var consumed);
                    FlushScratch();
                    if (status != HandshakeStatus.Completed)
                    {
                        return;
                    }

                    _handshakeTimeout.Dispose();

                    // Its timer is released now, not when the connection ends hours later.
                    _handshakeTimer?.Dispose();
                    _handshakeTimer = null;
                    _log.Debug("{Remote} completed the {Kind} handshake", Remote, _handshake.PeerUsedDigest ? "digest" : "simple");

                    // Its 1536-byte packet buffers are of no use after this.
                    _handshake = null;
                    input = input.Slice(consumed);
                    if (input.IsEmpty)
                    {
                        return;
                    }
                }

                _session.Receive(input, Scratch(), _events, _media);
                FlushScratch();
            }

            // Media first: the session reports it in wire order relative to the events (see Receive).
            var video = false;
            foreach (var message in _media)
            {
                video |= message.Type == MessageType.Video;

                // A publisher replaced by a takeover is aborted first: what it still had in flight is dropped.
                if (_published != null && message.StreamId == _publishedStreamId && _closeReason == null)
                {
                    var frame = MediaFrame.From(message);
                    var kept = _published.Deliver(frame, _server.Options.Limits);
                    _tracker?.OnFrame(frame);
                    if (kept)
                    {
                        continue;
                    }
                }

                // Nothing holds it: the cache copied it, or it went nowhere.
                ChunkDecoder.Recycle(message);
            }

            // Once per read, not per message: the video-data timeout needs no finer clock.
            if (video && _published != null)
            {
                Volatile.Write(ref _lastVideoAt, _server.Now.Ticks);
            }

            _media.Clear();
        }

        // Outside Process so that a publish or play can wait for an access decision (an HTTP
        // callback); reading from this connection pauses meanwhile, which keeps its events in order.
        private async Task HandleEventsAsync()
        {
            try
            {
                foreach (var e in _events)
                {
                    await Handle(e).ConfigureAwait(false);
                }
            }
            finally
            {
                _events.Clear();
            }
        }

        private Task Handle(SessionEvent e)
        {
            switch (e)
            {
                case ConnectRequested connect:
                    lock (_sessionGate)
                    {
                        _session.AcceptConnect(Scratch());
                        FlushScratch();
                    }

                    _log.Information("{Remote} connected to app {App} ({Client})", Remote, connect.Request.App.Name, connect.Request.FlashVersion);
                    break;
                case PublishRequested publish:
                    return OnPublishAsync(publish.Request);
                case PlayRequested play:
                    return OnPlayAsync(play.Request);
                case StreamClosed closed:
                    OnStreamClosed(closed.StreamId, closed.Command);
                    break;
                case ReceiveMediaChanged toggle when _players.TryGetValue(toggle.StreamId, out var sink):
                    if (toggle.Video)
                    {
                        sink.WantsVideo = toggle.Enabled;
                    }
                    else
                    {
                        sink.WantsAudio = toggle.Enabled;
                    }

                    break;
                case CommandIgnored ignored:
                    _log.Debug("{Remote} sent {Command}, which is ignored", Remote, ignored.Name);
                    break;
            }

            return Task.CompletedTask;
        }

        private async Task OnPublishAsync(PublishRequest request)
        {
            var connect = _session.Connection!;
            var app = connect.App.Name;
            var key = StreamHub.KeyOf(app, request.Name.Name);

            // The query may hold a key or signature: logs show "live/cam1?****".
            var shown = StreamHub.KeyOf(app, request.Name.ToString());
            var access = _server.Access;
            var admission = new AccessRequest(AccessAction.Publish, connect.App, request.Name, _remoteAddress, Id, DateTimeOffset.UtcNow);
            if (access != null && request.Name.Name.Length > 0 && _published == null)
            {
                var decision = await access.DecideAsync(admission).ConfigureAwait(false);
                if (!decision.IsAllowed)
                {
                    _server.Rejections.Increment(RejectionReason.AccessDenied);
                    RejectPublish(request, AccessDecision.PublicDenial);
                    _log.Warning("{Remote} may not publish {Stream}: {Reason}", Remote, shown, decision.Reason);
                    return;
                }

                _publishKeyIdentity = decision.KeyIdentity;
            }

            LiveStream? stream = null;
            if (request.Name.Name.Length > 0 && _published == null)
            {
                stream = TakeOverBySameKey(access, key, shown) ?? _server.Hub.TryPublish(key, this);
            }

            if (stream == null)
            {
                _publishKeyIdentity = null;
                var description = request.Name.Name.Length == 0 ? "A stream name is required." : _published != null ? "This connection already publishes a stream." : "Stream is already being published";
                RejectPublish(request, description);
                _log.Warning("{Remote} may not publish {Stream}: {Reason}", Remote, shown, description);
                return;
            }

            Volatile.Write(ref _lastVideoAt, NoVideoYet);
            _published = stream;
            _publishedStreamId = request.StreamId;
            Ticket.MarkDecided();
            _publishedAt = DateTime.UtcNow;
            _log = _log.ForContext("Path", shown);
            Volatile.Write(ref _tracker, new PublishTracker(_server, key, _shownAddress, Id));
            lock (_admissions)
            {
                _publishAdmission = new SessionAdmission(admission, _publishKeyIdentity);
            }

            var recorder = _server.StartRecording(stream, admission);
            lock (_sessionGate)
            {
                _session.AcceptPublish(request, Scratch());
                FlushScratch();
            }

            _log.Information("{Remote} publishes {Stream}{Recording}", Remote, shown, recorder == null ? string.Empty : " (recording to " + recorder.Directory + ")");
        }

        // With TakeoverPolicy.SameKey, a publisher holding the key of the path's current publisher
        // replaces it at once; null when that does not apply or the holder's key differs.
        private LiveStream? TakeOverBySameKey(AccessDecider? access, string key, string shown)
        {
            var identity = _publishKeyIdentity;
            if (access == null || access.Takeover != TakeoverPolicy.SameKey || identity == null || identity == "callback" || identity == "anyone")
            {
                return null;
            }

            var stream = _server.Hub.TryTakeOver(key, this, current => current is RtmpConnection holder && holder._publishKeyIdentity == identity, out var replaced);
            if (replaced is RtmpConnection old)
            {
                _log.Information("{Remote} replaces {Old} as the publisher of {Stream} (same key)", Remote, old.Remote, shown);
                old.Abort("replaced by a new publisher with the same key", "replaced");
            }

            return stream;
        }

        private void RejectPublish(PublishRequest request, string description)
        {
            lock (_sessionGate)
            {
                _session.RejectPublish(request, StatusInfo.Error(StatusCodes.PublishBadName, description), Scratch());
                FlushScratch();
            }
        }

        private async Task OnPlayAsync(PlayRequest request)
        {
            var connect = _session.Connection!;
            var app = connect.App.Name;
            var key = StreamHub.KeyOf(app, request.Name.Name);
            var shown = StreamHub.KeyOf(app, request.Name.ToString());
            if (request.Name.Name.Length == 0 || _players.ContainsKey(request.StreamId))
            {
                RejectPlay(request, "No such stream.");
                return;
            }

            var access = _server.Access;
            var admission = new AccessRequest(AccessAction.Play, connect.App, request.Name, _remoteAddress, Id, DateTimeOffset.UtcNow);
            string? admittedBy = null;
            if (access != null)
            {
                var decision = await access.DecideAsync(admission).ConfigureAwait(false);
                if (!decision.IsAllowed)
                {
                    _server.Rejections.Increment(RejectionReason.AccessDenied);
                    RejectPlay(request, AccessDecision.PublicDenial);
                    _log.Warning("{Remote} may not play {Stream}: {Reason}", Remote, shown, decision.Reason);
                    return;
                }

                admittedBy = decision.KeyIdentity;
            }

            lock (_admissions)
            {
                _admissions[request.StreamId] = new SessionAdmission(admission, admittedBy);
            }

            var sink = new PlayerSink(this, request.StreamId, request.Name.Name, _server.Options.PlayerQueue);

            // Play.Start is queued under the stream's lock, in the same step that subscribes the sink.
            // Queued before it, it was on the wire (a plain socket writes at once) while the sink was
            // not yet subscribed: a peer that read it and then had a publisher publish and unpublish
            // before this thread got the CPU back (a loaded machine, a local publisher) missed that
            // whole publish, its Stream EOF and UnpublishNotify too, and waited for a publisher for
            // good. Inside the lock a publish that starts, delivers or ends waits for the sink, and
            // the cached GOP still follows Play.Start on the wire; the stream sets sink.Stream itself.
            // The lock order, stream then session, is the one NotifyPublished and NotifyUnpublished take.
            var stream = _server.Hub.Subscribe(key, sink, () =>
            {
                lock (_sessionGate)
                {
                    _session.AcceptPlay(request, Scratch());
                    FlushScratch();
                }
            });
            _players[request.StreamId] = sink;
            _playingPath = key;
            Ticket.MarkDecided();
            _log = _log.ForContext("Path", shown);
            _log.Information("{Remote} plays {Stream}{Waiting}", Remote, shown, stream.IsPublished ? string.Empty : " (waiting for a publisher)");
        }

        private void RejectPlay(PlayRequest request, string description)
        {
            lock (_sessionGate)
            {
                _session.RejectPlay(request, StatusInfo.Error(StatusCodes.PlayStreamNotFound, description), Scratch());
                FlushScratch();
            }
        }

        private void OnStreamClosed(uint streamId, string command)
        {
            if (_published != null && streamId == _publishedStreamId)
            {
                Unpublish(command, "unpublished");
            }
            else if (_players.TryGetValue(streamId, out var sink))
            {
                _players.Remove(streamId);
                if (_players.Count == 0)
                {
                    _playingPath = null;
                }

                lock (_admissions)
                {
                    _admissions.Remove(streamId);
                }

                if (sink.Stream != null)
                {
                    _server.Hub.Unsubscribe(sink.Stream, sink);
                }
            }
        }

        private void Unpublish(string why, string stopReason)
        {
            var stream = _published!;
            _published = null;
            lock (_admissions)
            {
                _publishAdmission = null;
            }

            _server.Hub.Unpublish(stream, this);
            UpdateReceiveLowWater(TimeSpan.Zero);
            Interlocked.Exchange(ref _tracker, null)?.Stop(stopReason);
            _log.Information(
                "{Remote} stopped publishing {Stream} ({Why}) after {Seconds:0.0} s, {Frames} frames, {Bytes} bytes; {Video}; {Audio}",
                Remote,
                stream.Key,
                why,
                (DateTime.UtcNow - _publishedAt).TotalSeconds,
                stream.FramesReceived,
                stream.BytesReceived,
                stream.VideoDescription ?? "no video",
                stream.AudioDescription ?? "no audio");
        }

        private void LeaveStreams()
        {
            if (_published != null)
            {
                Unpublish("disconnected", _stopReason ?? "disconnected");
            }

            foreach (var sink in _players.Values)
            {
                if (sink.Stream != null)
                {
                    _server.Hub.Unsubscribe(sink.Stream, sink);
                }
            }

            _players.Clear();
        }

        // Cleared on every use: what an exception left behind for another connection is dropped.
        private static ByteBufferWriter Scratch()
        {
            var scratch = t_scratch ??= new ByteBufferWriter();
            scratch.Clear();
            return scratch;
        }

        private void FlushScratch()
        {
            var scratch = t_scratch;
            if (scratch != null && scratch.WrittenCount > 0)
            {
                _outbound.Enqueue(scratch.ToArray());
                scratch.Clear();
            }
        }
    }
}
