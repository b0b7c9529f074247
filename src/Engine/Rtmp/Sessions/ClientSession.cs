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
    /// The client side of one RTMP connection after the handshake, without IO: connect, then
    /// publish or play one stream. Answers to commands are matched by transaction id. Not
    /// thread-safe: its host serialises calls.
    /// </summary>
    public sealed class ClientSession
    {
        private readonly SessionCore _core;
        private readonly ClientSessionOptions _options;
        private readonly List<RtmpMessage> _messages = new List<RtmpMessage>();
        private readonly Dictionary<double, string> _pending = new Dictionary<double, string>();
        private double _nextTransactionId = 1;
        private string? _streamName;
        private bool _publish;
        private bool _connected;
        private bool _playEnded;

        /// <summary>Creates a session.</summary>
        public ClientSession(ClientSessionOptions options, WireLimits? limits = null)
        {
            _options = options;
            _core = new SessionCore(limits ?? WireLimits.Default);
        }

        /// <summary>The message stream the server created for us, once it did.</summary>
        public uint? StreamId { get; private set; }

        /// <summary>True between Publish.Start and <see cref="Close"/>.</summary>
        public bool IsPublishing { get; private set; }

        /// <summary>Sends Set Chunk Size and connect.</summary>
        public void Connect(IBufferWriter<byte> output)
        {
            _core.Send(output, ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(_options.ChunkSize));
            var properties = new AmfObject
            {
                { "app", _options.App },
                { "type", "nonprivate" },
                { "flashVer", _options.FlashVersion },
                { "tcUrl", _options.TcUrl },
                { "fpad", false },
                { "capabilities", 15.0 },
                { "audioCodecs", 4071.0 },
                { "videoCodecs", 252.0 },
                { "videoFunction", 1.0 },
            };
            if (_options.FourCcList.Count > 0)
            {
                var list = new object?[_options.FourCcList.Count];
                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = _options.FourCcList[i];
                }

                properties.Add("fourCcList", list);
            }

            SendCall(output, CommandNames.Connect, properties);
        }

        /// <summary>
        /// Asks to publish <paramref name="name"/> the way encoders do: releaseStream, FCPublish,
        /// createStream, then publish once the stream exists. <see cref="PublishStarted"/> follows.
        /// </summary>
        public void Publish(string name, IBufferWriter<byte> output)
        {
            RequireConnected();
            _streamName = name;
            _publish = true;
            SendCall(output, CommandNames.ReleaseStream, null, name);
            SendCall(output, CommandNames.FCPublish, null, name);
            SendCall(output, CommandNames.CreateStream, null);
        }

        /// <summary>Asks to play <paramref name="name"/>: createStream, then play. <see cref="PlayStarted"/> follows.</summary>
        public void Play(string name, IBufferWriter<byte> output)
        {
            RequireConnected();
            _streamName = name;
            _publish = false;
            SendCall(output, CommandNames.CreateStream, null);
        }

        /// <summary>Sends an audio, video or data message on the published stream.</summary>
        public void SendMedia(RtmpMessage message, IBufferWriter<byte> output)
        {
            if (!IsPublishing || StreamId is not uint streamId)
            {
                throw new InvalidOperationException("Media can only be sent while publishing.");
            }

            var csid = message.Type switch
            {
                MessageType.Audio => ChunkStreamIds.Audio,
                MessageType.Video => ChunkStreamIds.Video,
                _ => ChunkStreamIds.Data,
            };
            _core.Send(output, csid, message.StreamId == streamId ? message : message.With(message.Timestamp, streamId));
        }

        /// <summary>Ends the publish or play cleanly: FCUnpublish and deleteStream.</summary>
        public void Close(IBufferWriter<byte> output)
        {
            if (StreamId is uint streamId && _streamName != null)
            {
                if (_publish)
                {
                    _core.SendCommand(output, 0, CommandNames.FCUnpublish, NextTransactionId(), null, _streamName);
                }

                _core.SendCommand(output, 0, CommandNames.DeleteStream, NextTransactionId(), null, (double)streamId);
            }

            IsPublishing = false;
            StreamId = null;
        }

        /// <summary>Takes bytes from the server; answers what the protocol requires and raises the rest.</summary>
        /// <exception cref="RtmpProtocolException">The server broke the protocol or a limit.</exception>
        public void Receive(ReadOnlySpan<byte> input, IBufferWriter<byte> output, List<SessionEvent> events)
        {
            _messages.Clear();
            _core.Receive(input, output, _messages, events);
            foreach (var message in _messages)
            {
                switch (message.Type)
                {
                    case MessageType.CommandAmf0:
                    case MessageType.CommandAmf3:
                        OnCommand(CommandMessage.Decode(message, _core.Limits), message.StreamId, output, events);
                        break;
                    case MessageType.Audio:
                    case MessageType.Video:
                    case MessageType.DataAmf0:
                    case MessageType.DataAmf3:
                        events.Add(new MediaReceived(message));
                        break;
                    case MessageType.UserControl:
                        // In wire order: frames read together with Stream EOF, ahead of it, are raised first.
                        var control = UserControlEvent.Parse(message.Payload.Span);
                        events.Add(new UserControlReceived(control));

                        // nginx-rtmp (without publish_notify) ends a play with Stream EOF alone.
                        if (control.Type == UserControlEventType.StreamEof && !_publish && control.Value == StreamId)
                        {
                            EndPlay(control.Value, "StreamEOF", events);
                        }

                        break;
                    default:
                        events.Add(new CommandIgnored("message type " + (int)message.Type));
                        break;
                }
            }
        }

        private void OnCommand(CommandMessage command, uint streamId, IBufferWriter<byte> output, List<SessionEvent> events)
        {
            switch (command.Name)
            {
                case CommandNames.Result:
                case CommandNames.Error:
                    if (!_pending.TryGetValue(command.TransactionId, out var call))
                    {
                        events.Add(new CommandIgnored(command.Name + " for an unknown transaction"));
                        return;
                    }

                    _pending.Remove(command.TransactionId);
                    OnAnswer(call, command, output, events);
                    break;
                case CommandNames.OnStatus:
                    OnStatus(streamId, StatusInfo.FromAmf(command.Argument(0)), events);
                    break;
                default:
                    // onBWDone, onFCPublish, _checkbw and the like need no answer.
                    events.Add(new CommandIgnored(command.Name));
                    break;
            }
        }

        private void OnAnswer(string call, CommandMessage answer, IBufferWriter<byte> output, List<SessionEvent> events)
        {
            var failed = answer.Name == CommandNames.Error;
            switch (call)
            {
                case CommandNames.Connect:
                    var info = StatusInfo.FromAmf(answer.Argument(0));
                    if (failed)
                    {
                        events.Add(new StatusReceived(0, info));
                        return;
                    }

                    _connected = true;
                    events.Add(new Connected(info.Description) { Code = info.Code, ServerVersion = (answer.CommandObject as Amf.AmfObject)?.GetString("fmsVer") });
                    break;
                case CommandNames.CreateStream:
                    if (failed || !(answer.Argument(0) is double id) || id < 0 || id > uint.MaxValue)
                    {
                        events.Add(new StatusReceived(0, failed ? StatusInfo.FromAmf(answer.Argument(0)) : StatusInfo.Error(StatusCodes.CallFailed, "createStream returned no stream id.")));
                        return;
                    }

                    StreamId = (uint)id;
                    if (_publish)
                    {
                        _core.SendCommand(output, StreamId.Value, CommandNames.Publish, 0, null, _streamName, "live");
                    }
                    else
                    {
                        _core.SendCommand(output, StreamId.Value, CommandNames.Play, 0, null, _streamName, -2.0, -1.0, true);
                        _core.Send(output, ChunkStreamIds.ProtocolControl, UserControlEvent.SetBufferLength(StreamId.Value, _options.PlayBufferMilliseconds).ToMessage());
                    }

                    break;
                default:
                    if (failed)
                    {
                        events.Add(new StatusReceived(0, StatusInfo.FromAmf(answer.Argument(0))));
                    }

                    break;
            }
        }

        private void OnStatus(uint streamId, StatusInfo status, List<SessionEvent> events)
        {
            events.Add(new StatusReceived(streamId, status));
            switch (status.Code)
            {
                case StatusCodes.PublishStart when _publish && !IsPublishing:
                    IsPublishing = true;
                    events.Add(new PublishStarted(streamId));
                    break;
                case StatusCodes.PlayStart when !_publish:
                    _playEnded = false;
                    events.Add(new PlayStarted(streamId));
                    break;
                case StatusCodes.PlayUnpublishNotify:
                case StatusCodes.PlayStop:
                case StatusCodes.PlayComplete:
                    EndPlay(streamId, status.Code, events);
                    break;
            }
        }

        // Servers end a play with Stream EOF, a status, or both; the host hears of it once.
        private void EndPlay(uint streamId, string reason, List<SessionEvent> events)
        {
            if (!_playEnded)
            {
                _playEnded = true;
                events.Add(new StreamEnded(streamId, reason));
            }
        }

        private void SendCall(IBufferWriter<byte> output, string name, object? commandObject, params object?[] arguments)
        {
            var transactionId = NextTransactionId();
            _pending[transactionId] = name;
            _core.SendCommand(output, 0, name, transactionId, commandObject, arguments);
        }

        private double NextTransactionId() => _nextTransactionId++;

        private void RequireConnected()
        {
            if (!_connected)
            {
                throw new InvalidOperationException("Connect first: the server has not accepted the connection.");
            }
        }
    }
}
