using System;
using System.Buffers;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;

namespace RtmpXProtect.Engine.Rtmp.Sessions
{
    /// <summary>
    /// The server side of one RTMP connection after the handshake, without IO: bytes in, events
    /// and bytes out. Connect, publish and play are raised as events; the host decides and calls
    /// the matching Accept or Reject method. Not thread-safe: its host serialises calls.
    /// </summary>
    public sealed class ServerSession
    {
        private readonly SessionCore _core;
        private readonly ServerSessionOptions _options;
        private readonly List<RtmpMessage> _messages = new List<RtmpMessage>();
        private readonly Dictionary<uint, StreamRole> _streams = new Dictionary<uint, StreamRole>();
        private readonly Dictionary<uint, string> _publishedNames = new Dictionary<uint, string>();
        private readonly HashSet<string> _fcPublished = new HashSet<string>(StringComparer.Ordinal);
        private ConnectRequest? _pendingConnect;
        private uint _nextStreamId = 1;

        /// <summary>Creates a session.</summary>
        public ServerSession(ServerSessionOptions? options = null, WireLimits? limits = null)
        {
            _options = options ?? ServerSessionOptions.Default;
            _core = new SessionCore(limits ?? WireLimits.Default);
        }

        private enum StreamRole
        {
            Created,
            Publishing,
            Playing,
        }

        /// <summary>The accepted connect request, or null before the host accepted one.</summary>
        public ConnectRequest? Connection { get; private set; }

        /// <summary>The chunk size of what this session sends; fan-out frames media with it.</summary>
        public int OutgoingChunkSize => _core.OutgoingChunkSize;

        /// <summary>Bytes received since the handshake (wraps at 2^32).</summary>
        public uint BytesReceived => _core.BytesReceived;

        /// <summary>Bytes held for messages not yet complete; the server's memory budget counts them. Any thread may read it.</summary>
        internal long PendingInputBytes => _core.PendingInputBytes;

        /// <summary>
        /// Audio and video payloads are rented from the shared array pool; the host returns each with
        /// ChunkDecoder.Recycle once no sink kept it (see <see cref="Chunks.ChunkDecoder.PooledPayloads"/>).
        /// </summary>
        internal bool PooledPayloads
        {
            get => _core.PooledPayloads;
            set => _core.PooledPayloads = value;
        }

        /// <summary>
        /// Sends a User Control Ping Request (RTMP 1.0 §7.1.7) carrying <paramref name="timestamp"/>: a
        /// player that only receives answers it, which shows the host it is still there.
        /// </summary>
        public void SendPing(uint timestamp, IBufferWriter<byte> output)
            => _core.Send(output, ChunkStreamIds.ProtocolControl, UserControlEvent.PingRequest(timestamp).ToMessage());

        /// <summary>
        /// Takes bytes from the client. Writes protocol answers (acknowledgements, pings,
        /// createStream results) to <paramref name="output"/> and appends what the host must act on
        /// to <paramref name="events"/>.
        /// </summary>
        /// <exception cref="RtmpProtocolException">The client broke the protocol or a limit.</exception>
        public void Receive(ReadOnlySpan<byte> input, IBufferWriter<byte> output, List<SessionEvent> events)
            => Receive(input, output, events, null);

        /// <summary>
        /// Like <see cref="Receive(ReadOnlySpan{byte}, IBufferWriter{byte}, List{SessionEvent})"/>, but
        /// audio, video and data of a publishing stream are appended to <paramref name="media"/> (when
        /// not null) instead of raised as <see cref="MediaReceived"/>: a publisher's hot path then
        /// creates no event object per message. A host handles <paramref name="media"/> before
        /// <paramref name="events"/>: media after a stream was closed in the same input is not reported,
        /// and media before a publish was accepted never is, so that order is the order on the wire.
        /// </summary>
        /// <exception cref="RtmpProtocolException">The client broke the protocol or a limit.</exception>
        public void Receive(ReadOnlySpan<byte> input, IBufferWriter<byte> output, List<SessionEvent> events, List<RtmpMessage>? media)
        {
            _messages.Clear();
            _core.Receive(input, output, _messages, events);
            foreach (var message in _messages)
            {
                switch (message.Type)
                {
                    case MessageType.CommandAmf0:
                    case MessageType.CommandAmf3:
                        OnCommand(message, output, events);
                        break;
                    case MessageType.Audio:
                    case MessageType.Video:
                        if (IsPublishing(message.StreamId))
                        {
                            AddMedia(message, events, media);
                        }

                        break;
                    case MessageType.DataAmf0:
                    case MessageType.DataAmf3:
                        if (IsPublishing(message.StreamId))
                        {
                            AddMedia(DataMessage.Normalize(message, _core.Limits), events, media);
                        }

                        break;
                    case MessageType.UserControl:
                        events.Add(new UserControlReceived(UserControlEvent.Parse(message.Payload.Span)));
                        break;
                    default:
                        // Shared objects and unknown types are not part of live streaming.
                        events.Add(new CommandIgnored("message type " + (int)message.Type));
                        break;
                }
            }
        }

        /// <summary>Accepts the pending connect: window, bandwidth, chunk size, then the _result.</summary>
        public void AcceptConnect(IBufferWriter<byte> output)
        {
            var request = _pendingConnect ?? throw new InvalidOperationException("No connect is pending.");
            _pendingConnect = null;
            Connection = request;
            _core.SendWindowAcknowledgementSize(output, _options.WindowAcknowledgementSize);
            _core.Send(output, Chunks.ChunkStreamIds.ProtocolControl, ProtocolControl.SetPeerBandwidth(_options.PeerBandwidth, PeerBandwidthLimit.Dynamic));
            _core.Send(output, Chunks.ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(_options.ChunkSize));

            var properties = new AmfObject { { "fmsVer", _options.ServerVersion }, { "capabilities", 31.0 }, { "mode", 1.0 } };
            if (request.FourCcList.Count > 0)
            {
                // Enhanced RTMP: media is relayed as sent, so every codec the client offers is fine.
                var list = new object?[request.FourCcList.Count];
                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = request.FourCcList[i];
                }

                properties.Add("fourCcList", list);
            }

            var info = StatusInfo.Status(StatusCodes.ConnectSuccess, "Connection succeeded.").ToAmf();
            info.Add("objectEncoding", request.ObjectEncoding);
            _core.SendCommand(output, 0, CommandNames.Result, request.TransactionId, properties, info);
        }

        /// <summary>Rejects the pending connect; the host closes the connection after sending.</summary>
        public void RejectConnect(string description, IBufferWriter<byte> output)
        {
            var request = _pendingConnect ?? throw new InvalidOperationException("No connect is pending.");
            _pendingConnect = null;
            _core.SendCommand(output, 0, CommandNames.Error, request.TransactionId, null, StatusInfo.Error(StatusCodes.ConnectRejected, description).ToAmf());
        }

        /// <summary>Accepts a publish: the client may send media on the stream now.</summary>
        public void AcceptPublish(PublishRequest request, IBufferWriter<byte> output)
        {
            _streams[request.StreamId] = StreamRole.Publishing;
            _publishedNames[request.StreamId] = request.Name.Name;
            _core.Send(output, Chunks.ChunkStreamIds.ProtocolControl, UserControlEvent.StreamBegin(request.StreamId).ToMessage());
            if (_fcPublished.Contains(request.Name.Name))
            {
                _core.SendCommand(output, 0, CommandNames.OnFCPublish, 0, null, StatusInfo.Status(StatusCodes.PublishStart, request.Name.Name).ToAmf());
            }

            _core.SendStatus(output, request.StreamId, StatusInfo.Status(StatusCodes.PublishStart, request.Name.Name + " is now published."), request.Name.Name);
        }

        /// <summary>Rejects a publish with an error-level status (e.g. Publish.BadName).</summary>
        public void RejectPublish(PublishRequest request, StatusInfo status, IBufferWriter<byte> output)
            => _core.SendStatus(output, request.StreamId, status, request.Name.Name);

        /// <summary>
        /// Accepts a play: Stream Begin, Play.Reset, Play.Start and sample access, after which the
        /// host sends media on <see cref="PlayRequest.StreamId"/>.
        /// </summary>
        public void AcceptPlay(PlayRequest request, IBufferWriter<byte> output)
        {
            _streams[request.StreamId] = StreamRole.Playing;
            _core.Send(output, Chunks.ChunkStreamIds.ProtocolControl, UserControlEvent.StreamBegin(request.StreamId).ToMessage());
            if (request.Reset)
            {
                _core.SendStatus(output, request.StreamId, StatusInfo.Status(StatusCodes.PlayReset, "Playing and resetting " + request.Name.Name + "."), request.Name.Name);
            }

            _core.SendStatus(output, request.StreamId, StatusInfo.Status(StatusCodes.PlayStart, "Started playing " + request.Name.Name + "."), request.Name.Name);
            _core.SendData(output, request.StreamId, CommandNames.RtmpSampleAccess, true, true);
        }

        /// <summary>Rejects a play (e.g. Play.StreamNotFound).</summary>
        public void RejectPlay(PlayRequest request, StatusInfo status, IBufferWriter<byte> output)
            => _core.SendStatus(output, request.StreamId, status, request.Name.Name);

        /// <summary>Tells a player that the publisher of its stream left (Stream EOF, Play.UnpublishNotify).</summary>
        public void NotifyUnpublished(uint streamId, string name, IBufferWriter<byte> output)
        {
            _core.Send(output, Chunks.ChunkStreamIds.ProtocolControl, UserControlEvent.StreamEof(streamId).ToMessage());
            _core.SendStatus(output, streamId, StatusInfo.Status(StatusCodes.PlayUnpublishNotify, name + " is now unpublished."), name);
        }

        /// <summary>Tells a waiting player that a publisher started (Stream Begin, Play.PublishNotify).</summary>
        public void NotifyPublished(uint streamId, string name, IBufferWriter<byte> output)
        {
            _core.Send(output, Chunks.ChunkStreamIds.ProtocolControl, UserControlEvent.StreamBegin(streamId).ToMessage());
            _core.SendStatus(output, streamId, StatusInfo.Status(StatusCodes.PlayPublishNotify, name + " is now published."), name);
        }

        private static void AddMedia(RtmpMessage message, List<SessionEvent> events, List<RtmpMessage>? media)
        {
            if (media != null)
            {
                media.Add(message);
            }
            else
            {
                events.Add(new MediaReceived(message));
            }
        }

        private bool IsPublishing(uint streamId) => _streams.TryGetValue(streamId, out var role) && role == StreamRole.Publishing;

        private void OnCommand(RtmpMessage message, IBufferWriter<byte> output, List<SessionEvent> events)
        {
            var command = CommandMessage.Decode(message, _core.Limits);
            if (command.Name != CommandNames.Connect && Connection == null)
            {
                throw new RtmpProtocolException($"'{command.Name}' before connect was accepted.");
            }

            switch (command.Name)
            {
                case CommandNames.Connect:
                    if (Connection != null || _pendingConnect != null)
                    {
                        throw new RtmpProtocolException("connect sent twice on one connection.");
                    }

                    _core.UseAmf3Commands = message.Type == MessageType.CommandAmf3;
                    _pendingConnect = ConnectRequest.From(command);
                    events.Add(new ConnectRequested(_pendingConnect));
                    break;
                case CommandNames.CreateStream:
                    if (_streams.Count >= _options.MaxStreamsPerConnection)
                    {
                        _core.SendCommand(output, 0, CommandNames.Error, command.TransactionId, null, StatusInfo.Error(StatusCodes.CallFailed, "Too many streams on one connection.").ToAmf());
                        break;
                    }

                    var id = _nextStreamId++;
                    _streams[id] = StreamRole.Created;
                    _core.SendCommand(output, 0, CommandNames.Result, command.TransactionId, null, (double)id);
                    break;
                case CommandNames.ReleaseStream:
                    AnswerIfAsked(command, output);
                    break;
                case CommandNames.FCPublish:
                    if (command.Argument(0) is string fcName)
                    {
                        if (_fcPublished.Count < _options.MaxStreamsPerConnection)
                        {
                            _fcPublished.Add(StreamName.Parse(fcName).Name);
                        }
                    }

                    AnswerIfAsked(command, output);
                    break;
                case CommandNames.Publish:
                    RequireCreated(message.StreamId, command.Name);
                    events.Add(new PublishRequested(new PublishRequest(message.StreamId, StreamName.Parse(command.Argument(0) as string), command.Argument(1) as string ?? "live")));
                    break;
                case CommandNames.Play:
                    RequireCreated(message.StreamId, command.Name);
                    events.Add(new PlayRequested(new PlayRequest(
                        message.StreamId,
                        StreamName.Parse(command.Argument(0) as string),
                        command.Argument(1) as double? ?? -2,
                        command.Argument(2) as double? ?? -1,
                        ReadReset(command.Argument(3)))));
                    break;
                case CommandNames.FCUnpublish:
                    var fcUnpublished = StreamName.Parse(command.Argument(0) as string).Name;
                    if (_fcPublished.Remove(fcUnpublished))
                    {
                        _core.SendCommand(output, 0, CommandNames.OnFCUnpublish, 0, null, StatusInfo.Status(StatusCodes.UnpublishSuccess, fcUnpublished).ToAmf());
                    }

                    AnswerIfAsked(command, output);
                    foreach (var pair in _publishedNames)
                    {
                        if (pair.Value == fcUnpublished)
                        {
                            CloseStream(pair.Key, command.Name, output, events);
                            break;
                        }
                    }

                    break;
                case CommandNames.DeleteStream:
                    var deleted = command.Argument(0) is double d && d >= 0 && d <= uint.MaxValue ? (uint)d : message.StreamId;
                    CloseStream(deleted, command.Name, output, events);
                    _streams.Remove(deleted);
                    break;
                case CommandNames.CloseStream:
                    CloseStream(message.StreamId, command.Name, output, events);
                    break;
                case CommandNames.ReceiveAudio:
                case CommandNames.ReceiveVideo:
                    events.Add(new ReceiveMediaChanged(message.StreamId, command.Name == CommandNames.ReceiveVideo, !(command.Argument(0) is bool b) || b));
                    break;
                case CommandNames.GetStreamLength:
                    // Live streams have no length; FFmpeg asks before it plays.
                    _core.SendCommand(output, 0, CommandNames.Result, command.TransactionId, null, 0.0);
                    break;
                default:
                    if (command.TransactionId > 0)
                    {
                        _core.SendCommand(output, 0, CommandNames.Error, command.TransactionId, null, StatusInfo.Error(StatusCodes.CallFailed, "Method not found (" + command.Name + ").").ToAmf());
                    }

                    events.Add(new CommandIgnored(command.Name));
                    break;
            }
        }

        private void CloseStream(uint streamId, string commandName, IBufferWriter<byte> output, List<SessionEvent> events)
        {
            if (!_streams.TryGetValue(streamId, out var role) || role == StreamRole.Created)
            {
                return;
            }

            if (role == StreamRole.Publishing)
            {
                _core.SendStatus(output, streamId, StatusInfo.Status(StatusCodes.UnpublishSuccess, "Stopped publishing."));
            }

            _streams[streamId] = StreamRole.Created;
            _publishedNames.Remove(streamId);
            events.Add(new StreamClosed(streamId, commandName));
        }

        private void RequireCreated(uint streamId, string commandName)
        {
            if (!_streams.TryGetValue(streamId, out var role))
            {
                throw new RtmpProtocolException($"'{commandName}' on stream {streamId}, which was not created.");
            }

            if (role != StreamRole.Created)
            {
                throw new RtmpProtocolException($"'{commandName}' on stream {streamId}, which is already {role.ToString().ToLowerInvariant()}.");
            }
        }

        private void AnswerIfAsked(CommandMessage command, IBufferWriter<byte> output)
        {
            if (command.TransactionId > 0)
            {
                _core.SendCommand(output, 0, CommandNames.Result, command.TransactionId, null, AmfUndefined.Value);
            }
        }

        private static bool ReadReset(object? value) => value switch
        {
            bool b => b,
            double n => n != 0,
            _ => true,
        };
    }
}
