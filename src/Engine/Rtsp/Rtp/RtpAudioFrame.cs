namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>One audio frame rebuilt from RTP packets, at its RTP timestamp (the sample rate).</summary>
    public sealed class RtpAudioFrame
    {
        /// <summary>Creates a frame.</summary>
        public RtpAudioFrame(uint timestamp, byte[] data)
        {
            Timestamp = timestamp;
            Data = data;
        }

        /// <summary>The time of its first sample.</summary>
        public uint Timestamp { get; }

        /// <summary>The raw frame (for AAC: no ADTS header).</summary>
        public byte[] Data { get; }
    }
}
