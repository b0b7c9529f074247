namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>One FLV tag body a publish over RTSP produced, at its decode time in milliseconds.</summary>
    public sealed class FlvFrame
    {
        internal FlvFrame(bool isVideo, uint timestamp, byte[] body)
        {
            IsVideo = isVideo;
            Timestamp = timestamp;
            Body = body;
        }

        /// <summary>Video (else audio).</summary>
        public bool IsVideo { get; }

        /// <summary>Decode time in milliseconds from the publish's start.</summary>
        public uint Timestamp { get; }

        /// <summary>The FLV video or audio tag body: a sequence header or a coded frame.</summary>
        public byte[] Body { get; }
    }
}
