using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>A chunk header read off the wire, not yet applied to its chunk stream.</summary>
    internal readonly struct ChunkHeader
    {
        public ChunkHeader(int format, int chunkStreamId, uint timestampField, bool extended, int messageLength, MessageType messageType, uint messageStreamId)
        {
            Format = format;
            ChunkStreamId = chunkStreamId;
            TimestampField = timestampField;
            Extended = extended;
            MessageLength = messageLength;
            MessageType = messageType;
            MessageStreamId = messageStreamId;
        }

        public int Format { get; }

        public int ChunkStreamId { get; }

        /// <summary>The timestamp or delta, from the extended field when <see cref="Extended"/>.</summary>
        public uint TimestampField { get; }

        /// <summary>An extended timestamp field was present and consumed.</summary>
        public bool Extended { get; }

        public int MessageLength { get; }

        public MessageType MessageType { get; }

        public uint MessageStreamId { get; }
    }
}
