using System;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>
    /// One user control event (RTMP 1.0 §7.1.7): a 2-byte event type followed by its data, sent as
    /// message type 4 on stream 0. Events of types this engine does not know (FMS sends 31/32 for
    /// buffer empty/ready) are parsed, not rejected, so a session can ignore them.
    /// </summary>
    public readonly struct UserControlEvent
    {
        /// <summary>Creates an event.</summary>
        public UserControlEvent(UserControlEventType type, uint value, uint bufferLength = 0)
        {
            Type = type;
            Value = value;
            BufferLength = bufferLength;
        }

        /// <summary>The event type; may be a value not named in <see cref="UserControlEventType"/>.</summary>
        public UserControlEventType Type { get; }

        /// <summary>The stream id, or the timestamp for ping request and response.</summary>
        public uint Value { get; }

        /// <summary>Buffer length in milliseconds; only meaningful for <see cref="UserControlEventType.SetBufferLength"/>.</summary>
        public uint BufferLength { get; }

        /// <summary>Stream Begin for a stream id.</summary>
        public static UserControlEvent StreamBegin(uint streamId) => new UserControlEvent(UserControlEventType.StreamBegin, streamId);

        /// <summary>Stream EOF for a stream id.</summary>
        public static UserControlEvent StreamEof(uint streamId) => new UserControlEvent(UserControlEventType.StreamEof, streamId);

        /// <summary>Stream Dry for a stream id.</summary>
        public static UserControlEvent StreamDry(uint streamId) => new UserControlEvent(UserControlEventType.StreamDry, streamId);

        /// <summary>Set Buffer Length for a stream id, in milliseconds.</summary>
        public static UserControlEvent SetBufferLength(uint streamId, uint milliseconds) =>
            new UserControlEvent(UserControlEventType.SetBufferLength, streamId, milliseconds);

        /// <summary>Stream Is Recorded for a stream id.</summary>
        public static UserControlEvent StreamIsRecorded(uint streamId) => new UserControlEvent(UserControlEventType.StreamIsRecorded, streamId);

        /// <summary>Ping request carrying the sender's timestamp.</summary>
        public static UserControlEvent PingRequest(uint timestamp) => new UserControlEvent(UserControlEventType.PingRequest, timestamp);

        /// <summary>Ping response echoing the request's timestamp.</summary>
        public static UserControlEvent PingResponse(uint timestamp) => new UserControlEvent(UserControlEventType.PingResponse, timestamp);

        /// <summary>
        /// Parses a user control message body. Known types must carry their full data; an unknown type
        /// needs only its 2-byte type, and its value is read when 4 more bytes are there.
        /// </summary>
        public static UserControlEvent Parse(ReadOnlySpan<byte> payload)
        {
            if (payload.Length < 2)
            {
                throw new RtmpProtocolException($"User control message body is {payload.Length} bytes; at least 2 are required.");
            }

            var type = (UserControlEventType)BinaryPrimitives.ReadUInt16BigEndian(payload);
            int required = Required(type);
            if (payload.Length < required)
            {
                throw new RtmpProtocolException($"User control event {(ushort)type} body is {payload.Length} bytes; {required} are required.");
            }

            uint value = payload.Length >= 6 ? BinaryPrimitives.ReadUInt32BigEndian(payload.Slice(2)) : 0;
            uint bufferLength = type == UserControlEventType.SetBufferLength ? BinaryPrimitives.ReadUInt32BigEndian(payload.Slice(6)) : 0;
            return new UserControlEvent(type, value, bufferLength);
        }

        /// <summary>Builds the user control message (type 4, stream 0, timestamp 0).</summary>
        public RtmpMessage ToMessage()
        {
            bool withBuffer = Type == UserControlEventType.SetBufferLength;
            var body = new byte[withBuffer ? 10 : 6];
            BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)Type);
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(2), Value);
            if (withBuffer)
            {
                BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(6), BufferLength);
            }

            return new RtmpMessage(MessageType.UserControl, 0, 0, body);
        }

        /// <inheritdoc />
        public override string ToString() =>
            Type == UserControlEventType.SetBufferLength ? $"{Type} {Value} {BufferLength}ms" : $"{Type} {Value}";

        private static int Required(UserControlEventType type)
        {
            switch (type)
            {
                case UserControlEventType.SetBufferLength:
                    return 10;
                case UserControlEventType.StreamBegin:
                case UserControlEventType.StreamEof:
                case UserControlEventType.StreamDry:
                case UserControlEventType.StreamIsRecorded:
                case UserControlEventType.PingRequest:
                case UserControlEventType.PingResponse:
                    return 6;
                default:
                    return 2;
            }
        }
    }
}
