using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>
    /// What the decoder remembers about one incoming chunk stream: the last header's fields (which
    /// fmt 1–3 headers leave out) and the message being assembled, if any.
    /// </summary>
    internal sealed class InboundChunkStream
    {
        public uint Timestamp;

        /// <summary>Added to <see cref="Timestamp"/> by a fmt 3 chunk that starts a new message.</summary>
        public uint TimestampDelta;

        public int MessageLength;
        public MessageType MessageType;
        public uint MessageStreamId;

        /// <summary>The last fmt 0–2 header carried an extended timestamp, so fmt 3 chunks do too.</summary>
        public bool HasExtendedTimestamp;

        /// <summary>The value that extended timestamp held (absolute for fmt 0, delta for fmt 1/2).</summary>
        public uint ExtendedTimestamp;

        /// <summary>The message being assembled; null between messages.</summary>
        public byte[]? Payload;

        /// <summary><see cref="Payload"/> came from the shared array pool and may be longer than the message.</summary>
        public bool PayloadRented;

        public int Received;

        public bool InProgress => Payload != null;
    }
}
