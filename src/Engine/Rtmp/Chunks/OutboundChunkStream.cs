using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>The last header the encoder sent on one chunk stream, which the next header is compressed against.</summary>
    internal sealed class OutboundChunkStream
    {
        public uint Timestamp;
        public uint MessageStreamId;
        public int MessageLength;
        public MessageType MessageType;

        /// <summary>The delta the peer will add for a fmt 3 new message; only set after a fmt 1/2 header.</summary>
        public uint TimestampDelta;

        public bool HasDelta;
    }
}
