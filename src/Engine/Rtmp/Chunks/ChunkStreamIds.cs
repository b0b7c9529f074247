namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>
    /// The chunk stream ids this engine sends on. RTMP 1.0 §5.3.1.1 reserves 2 for protocol control
    /// and leaves the rest to the sender; audio 4 and video 6 match FFmpeg (libavformat/rtmppkt.h),
    /// which players and servers are most tested against. Keeping audio and video apart lets each keep
    /// its own compressed header (fmt 2/3) while they interleave.
    /// </summary>
    public static class ChunkStreamIds
    {
        /// <summary>Protocol control and user control messages (§5.4: must be chunk stream 2).</summary>
        public const int ProtocolControl = 2;

        /// <summary>NetConnection commands (connect, createStream, _result), as FFmpeg's system channel.</summary>
        public const int Command = 3;

        /// <summary>Audio messages.</summary>
        public const int Audio = 4;

        /// <summary>Data messages (onMetaData, @setDataFrame).</summary>
        public const int Data = 5;

        /// <summary>Video messages.</summary>
        public const int Video = 6;

        /// <summary>NetStream commands (publish, play, onStatus), as FFmpeg's source channel.</summary>
        public const int StreamCommand = 8;

        /// <summary>Smallest id a chunk can carry (0 and 1 are basic-header escapes).</summary>
        public const int Min = 2;

        /// <summary>Largest id the 3-byte basic header can carry (64 + 65535).</summary>
        public const int Max = 65599;
    }
}
