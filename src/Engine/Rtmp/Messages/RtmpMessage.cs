using System;

namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>One complete RTMP message: what the chunk layer assembles and splits.</summary>
    public sealed class RtmpMessage
    {
        /// <summary>Creates a message.</summary>
        public RtmpMessage(MessageType type, uint timestamp, uint streamId, ReadOnlyMemory<byte> payload)
        {
            Type = type;
            Timestamp = timestamp;
            StreamId = streamId;
            Payload = payload;
        }

        /// <summary>The message type id.</summary>
        public MessageType Type { get; }

        /// <summary>
        /// Absolute timestamp in milliseconds, 32 bits on the wire, so it wraps after 49.7 days;
        /// compare with <c>RtmpTime</c> helpers, never with plain integer order.
        /// </summary>
        public uint Timestamp { get; }

        /// <summary>The message stream id (0 for protocol control and NetConnection commands).</summary>
        public uint StreamId { get; }

        /// <summary>The message body.</summary>
        public ReadOnlyMemory<byte> Payload { get; }

        /// <summary>The pooled array under <see cref="Payload"/>, while its decoder may take it back (see ChunkDecoder.Recycle).</summary>
        internal byte[]? Rented { get; set; }

        /// <summary>Returns a copy of this message with another timestamp and stream id.</summary>
        public RtmpMessage With(uint timestamp, uint streamId) => new RtmpMessage(Type, timestamp, streamId, Payload);

        /// <inheritdoc />
        public override string ToString() => $"{Type} ts={Timestamp} sid={StreamId} len={Payload.Length}";
    }
}
