using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Recording;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using Serilog;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One client of the server: moves bytes between its socket and its session, and carries
    /// out what the session raises against the stream hub. Reads happen on one loop; writes go
    /// through a queue that any thread may fill (players are fed by their publisher's thread).
    /// </summary>
    internal sealed class RtmpConnection
    {
        private const int MaxSegmentsPerWrite = 256;
        private readonly RtmpServer _server;
        private readonly Socket _socket;
        private readonly ILogger _log;
        private readonly ServerHandshake _handshake;
        private readonly ServerSession _session;
        private readonly object _sessionGate = new object();
        private readonly ByteBufferWriter _scratch = new ByteBufferWriter();
        private readonly OutboundQueue _outbound = new OutboundQueue();
        private readonly List<SessionEvent> _events = new List<SessionEvent>();
        private readonly Dictionary<uint, PlayerSink> _players = new Dictionary<uint, PlayerSink>();
        private readonly DateTime _connectedAt = DateTime.UtcNow;
        private CancellationTokenRegistration _handshakeTimeout;
        private LiveStream? _published;
        private uint _publishedStreamId;
        private DateTime _publishedAt;
        private string? _closeReason;

        public RtmpConnection(RtmpServer server, Socket socket, long id)
        {
            _server = server;
            _socket = socket;
            Id = id;
            Remote = socket.RemoteEndPoint?.ToString() ?? "unknown";
            _log = server.Log.ForContext("Connection", id);
            _handshake = new ServerHandshake(0);
            _session = new ServerSession(server.Options.Session, server.Options.Limits);
        }

        public long Id { get; }

        public string Remote { get; }

        public int ChunkSize => _session.OutgoingChunkSize;

        public long QueuedBytes => _outbound.QueuedBytes;

        public async Task RunAsync(CancellationToken serverStopping)
        {
            var writer = WriteLoopAsync();
            var reason = "closed by peer";
            var timeout = new CancellationTokenSource(_server.Options.HandshakeTimeout);
            _handshakeTimeout = timeout.Token.Register(() => Abort("handshake timeout"));
            using var stopping = serverStopping.Register(() => Abort("server stopping"));
            try
            {
                await ReadLoopAsync().ConfigureAwait(false);
            }
            catch (RtmpProtocolException e)
            {
                reason = "protocol error: " + e.Message;
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                reason = _closeReason ?? "connection lost: " + e.Message;
            }
            finally
            {
                _handshakeTimeout.Dispose();
                timeout.Dispose();
                LeaveStreams();
                _outbound.Complete();
                await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
                Abort(reason);
                _log.Information("{Remote} disconnected after {Seconds:0.0} s: {Reason}", Remote, (DateTime.UtcNow - _connectedAt).TotalSeconds, _closeReason ?? reason);
            }
        }

        /// <summary>Closes the connection at once; the first reason given is the one logged.</summary>
        public void Abort(string reason)
        {
            if (Interlocked.CompareExchange(ref _closeReason, reason, null) != null)
            {
                return;
            }

            _outbound.Complete();
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already gone.
            }
            catch (ObjectDisposedException)
            {
            }

            _socket.Dispose();
        }

        public void Enqueue(ReadOnlyMemory<byte> bytes) => _outbound.Enqueue(bytes);

        public void NotifyPublished(uint streamId, string name)
        {
            lock (_sessionGate)
            {
                _session.NotifyPublished(streamId, name, _scratch);
                FlushScratch();
            }
        }

        public void NotifyUnpublished(uint streamId, string name)
        {
            lock (_sessionGate)
            {
                _session.NotifyUnpublished(streamId, name, _scratch);
                FlushScratch();
            }
        }

        public void LogFallingBehind(uint streamId, long queued)
            => _log.Warning("{Remote} falls behind on stream {StreamId} ({Queued} bytes queued): skipping to the next keyframe", Remote, streamId, queued);

        public void LogCaughtUp(uint streamId, long dropped)
            => _log.Information("{Remote} caught up on stream {StreamId} ({Dropped} frames dropped so far)", Remote, streamId, dropped);

        private async Task ReadLoopAsync()
        {
            using var stream = new NetworkStream(_socket, ownsSocket: false);
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync().ConfigureAwait(false);
                    foreach (var segment in result.Buffer)
                    {
                        Process(segment);
                    }

                    reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        return;
                    }
                }
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
            }
        }

        private void Process(ReadOnlyMemory<byte> data)
        {
            var input = data.Span;
            lock (_sessionGate)
            {
                if (!_handshake.IsComplete)
                {
                    var status = _handshake.Process(input, _scratch, out var consumed);
                    FlushScratch();
                    if (status != HandshakeStatus.Completed)
                    {
                        return;
                    }

                    _handshakeTimeout.Dispose();
                    _log.Debug("{Remote} completed the {Kind} handshake", Remote, _handshake.PeerUsedDigest ? "digest" : "simple");
                    input = input.Slice(consumed);
                    if (input.IsEmpty)
                    {
                        return;
                    }
                }

                _session.Receive(input, _scratch, _events);
                FlushScratch();
            }

            foreach (var e in _events)
            {
                Handle(e);
            }

            _events.Clear();
        }

        private void Handle(SessionEvent e)
        {
            switch (e)
            {
                case MediaReceived media when _published != null && media.Message.StreamId == _publishedStreamId:
                    _published.Deliver(MediaFrame.From(media.Message), _server.Options.Limits);
                    break;
                case ConnectRequested connect:
                    lock (_sessionGate)
                    {
                        _session.AcceptConnect(_scratch);
                        FlushScratch();
                    }

                    _log.Information("{Remote} connected to app {App} ({Client})", Remote, connect.Request.App.Name, connect.Request.FlashVersion);
                    break;
                case PublishRequested publish:
                    OnPublish(publish.Request);
                    break;
                case PlayRequested play:
                    OnPlay(play.Request);
                    break;
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
        }

        private void OnPublish(PublishRequest request)
        {
            var app = _session.Connection!.App.Name;
            var key = StreamHub.KeyOf(app, request.Name.Name);
            var stream = request.Name.Name.Length == 0 || _published != null ? null : _server.Hub.TryPublish(key, this);
            if (stream == null)
            {
                var description = request.Name.Name.Length == 0 ? "A stream name is required." : _published != null ? "This connection already publishes a stream." : "Stream is already being published";
                lock (_sessionGate)
                {
                    _session.RejectPublish(request, StatusInfo.Error(StatusCodes.PublishBadName, description), _scratch);
                    FlushScratch();
                }

                _log.Warning("{Remote} may not publish {Stream}: {Reason}", Remote, key, description);
                return;
            }

            _published = stream;
            _publishedStreamId = request.StreamId;
            _publishedAt = DateTime.UtcNow;
            var recorder = _server.StartRecording(stream);
            lock (_sessionGate)
            {
                _session.AcceptPublish(request, _scratch);
                FlushScratch();
            }

            _log.Information("{Remote} publishes {Stream}{Recording}", Remote, key, recorder == null ? string.Empty : " (recording to " + recorder.Path + ")");
        }

        private void OnPlay(PlayRequest request)
        {
            var app = _session.Connection!.App.Name;
            var key = StreamHub.KeyOf(app, request.Name.Name);
            if (request.Name.Name.Length == 0 || _players.ContainsKey(request.StreamId))
            {
                lock (_sessionGate)
                {
                    _session.RejectPlay(request, StatusInfo.Error(StatusCodes.PlayStreamNotFound, "No such stream."), _scratch);
                    FlushScratch();
                }

                return;
            }

            var sink = new PlayerSink(this, request.StreamId, request.Name.Name, _server.Options.PlayerQueue);
            lock (_sessionGate)
            {
                _session.AcceptPlay(request, _scratch);
                FlushScratch();
            }

            // Subscribed after Play.Start was queued, so the cached GOP follows it on the wire.
            sink.Stream = _server.Hub.Subscribe(key, sink);
            _players[request.StreamId] = sink;
            _log.Information("{Remote} plays {Stream}{Waiting}", Remote, key, sink.Stream.IsPublished ? string.Empty : " (waiting for a publisher)");
        }

        private void OnStreamClosed(uint streamId, string command)
        {
            if (_published != null && streamId == _publishedStreamId)
            {
                Unpublish(command);
            }
            else if (_players.TryGetValue(streamId, out var sink))
            {
                _players.Remove(streamId);
                if (sink.Stream != null)
                {
                    _server.Hub.Unsubscribe(sink.Stream, sink);
                }
            }
        }

        private void Unpublish(string why)
        {
            var stream = _published!;
            _published = null;
            _server.Hub.Unpublish(stream, this);
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
                Unpublish("disconnected");
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

        private void FlushScratch()
        {
            if (_scratch.WrittenCount > 0)
            {
                _outbound.Enqueue(_scratch.ToArray());
                _scratch.Clear();
            }
        }

        private async Task WriteLoopAsync()
        {
            var batch = new List<ArraySegment<byte>>();
            try
            {
                while (await _outbound.TakeAsync(batch, MaxSegmentsPerWrite).ConfigureAwait(false))
                {
                    long total = 0;
                    foreach (var segment in batch)
                    {
                        total += segment.Count;
                    }

                    var sent = 0L;
                    while (sent < total)
                    {
                        sent += await _socket.SendAsync(sent == 0 ? batch : Remaining(batch, sent), SocketFlags.None).ConfigureAwait(false);
                    }

                    _outbound.Sent(total);
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                Abort("write failed: " + e.Message);
            }
        }

        // A gathered send may stop part-way; what is left starts inside one of the segments.
        private static List<ArraySegment<byte>> Remaining(List<ArraySegment<byte>> batch, long sent)
        {
            var rest = new List<ArraySegment<byte>>();
            foreach (var segment in batch)
            {
                if (sent >= segment.Count)
                {
                    sent -= segment.Count;
                    continue;
                }

                rest.Add(sent == 0 ? segment : new ArraySegment<byte>(segment.Array!, segment.Offset + (int)sent, segment.Count - (int)sent));
                sent = 0;
            }

            return rest;
        }
    }
}
