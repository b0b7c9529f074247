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
    /// What the server and client sessions share: the chunk layer in both directions, protocol
    /// control and user control handling (acknowledgements, window, pings), and writing commands.
    /// It hands every other message to its owner.
    /// </summary>
    internal sealed class SessionCore
    {
        private readonly ChunkDecoder _decoder;
        private readonly ChunkEncoder _encoder = new ChunkEncoder();
        private readonly AcknowledgementTracker _acknowledgements = new AcknowledgementTracker();
        private readonly List<RtmpMessage> _decoded = new List<RtmpMessage>();
        private uint _windowSentToPeer;

        public SessionCore(WireLimits limits)
        {
            Limits = limits;
            _decoder = new ChunkDecoder(limits);
        }

        public WireLimits Limits { get; }

        /// <summary>Commands go out as type 17 when the peer spoke AMF3 commands to us.</summary>
        public bool UseAmf3Commands { get; set; }

        public int OutgoingChunkSize => _encoder.ChunkSize;

        public uint BytesReceived => _decoder.BytesReceived;

        public long PendingInputBytes => _decoder.PendingBytes;

        /// <summary>See <see cref="ChunkDecoder.PooledPayloads"/>.</summary>
        public bool PooledPayloads
        {
            get => _decoder.PooledPayloads;
            set => _decoder.PooledPayloads = value;
        }

        /// <summary>
        /// Decodes <paramref name="input"/>, answers protocol control itself, and returns the
        /// messages its owner handles (commands, data, media; aggregates already split).
        /// </summary>
        public void Receive(ReadOnlySpan<byte> input, IBufferWriter<byte> output, List<RtmpMessage> messages, List<SessionEvent> events)
        {
            _decoded.Clear();
            _decoder.Decode(input, _decoded);
            foreach (var message in _decoded)
            {
                switch (message.Type)
                {
                    case MessageType.SetChunkSize:
                    case MessageType.Abort:
                    case MessageType.Acknowledgement:
                        // The decoder applied chunk size and abort; acknowledgements only inform.
                        break;
                    case MessageType.WindowAcknowledgementSize:
                        _acknowledgements.WindowSize = ProtocolControl.ReadUInt32(message.Payload.Span);
                        break;
                    case MessageType.SetPeerBandwidth:
                        // RTMP 1.0 §5.4.5: answer with our window when it differs from the last one sent.
                        var (size, _) = ProtocolControl.ReadSetPeerBandwidth(message.Payload.Span);
                        if (size != _windowSentToPeer)
                        {
                            SendWindowAcknowledgementSize(output, size);
                        }

                        break;
                    case MessageType.UserControl:
                        var control = UserControlEvent.Parse(message.Payload.Span);
                        if (control.Type == UserControlEventType.PingRequest)
                        {
                            Send(output, ChunkStreamIds.ProtocolControl, UserControlEvent.PingResponse(control.Value).ToMessage());
                        }
                        else
                        {
                            // Left to the session, among the other messages: Stream EOF must not
                            // overtake the frames it follows in the same input.
                            messages.Add(message);
                        }

                        break;
                    case MessageType.Aggregate:
                        AggregateMessage.Split(message, messages, Limits);
                        break;
                    default:
                        messages.Add(message);
                        break;
                }
            }

            if (_acknowledgements.ShouldAcknowledge(_decoder.BytesReceived, out var sequence))
            {
                Send(output, ChunkStreamIds.ProtocolControl, ProtocolControl.Acknowledgement(sequence));
            }
        }

        public void Send(IBufferWriter<byte> output, int chunkStreamId, RtmpMessage message) => _encoder.Write(output, chunkStreamId, message);

        public void SendWindowAcknowledgementSize(IBufferWriter<byte> output, uint size)
        {
            _windowSentToPeer = size;
            Send(output, ChunkStreamIds.ProtocolControl, ProtocolControl.WindowAcknowledgementSize(size));
        }

        public void SendCommand(IBufferWriter<byte> output, uint streamId, string name, double transactionId, object? commandObject, params object?[] arguments)
        {
            var message = CommandMessage.Encode(streamId, name, transactionId, commandObject, arguments);
            if (UseAmf3Commands)
            {
                // Type 17 bodies are a zero format byte followed by the same AMF0 values.
                var body = new byte[message.Payload.Length + 1];
                message.Payload.Span.CopyTo(body.AsSpan(1));
                message = new RtmpMessage(MessageType.CommandAmf3, 0, streamId, body);
            }

            Send(output, ChunkStreamIds.Command, message);
        }

        public void SendStatus(IBufferWriter<byte> output, uint streamId, StatusInfo status, string? details = null)
            => SendCommand(output, streamId, CommandNames.OnStatus, 0, null, status.ToAmf(details));

        public void SendData(IBufferWriter<byte> output, uint streamId, params object?[] values)
            => Send(output, ChunkStreamIds.Command, new RtmpMessage(MessageType.DataAmf0, 0, streamId, Amf0Writer.Serialize(values)));
    }
}
