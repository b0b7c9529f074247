namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>One access unit rebuilt from RTP packets: Annex B, at its RTP timestamp.</summary>
    public sealed class RtpAccessUnit
    {
        /// <summary>Creates a unit.</summary>
        public RtpAccessUnit(uint timestamp, byte[] annexB, bool complete)
        {
            Timestamp = timestamp;
            AnnexB = annexB;
            Complete = complete;
        }

        /// <summary>The RTP timestamp (90 kHz): the presentation time.</summary>
        public uint Timestamp { get; }

        /// <summary>The NAL units, each after a 4-byte start code.</summary>
        public byte[] AnnexB { get; }

        /// <summary>False when a packet of it was lost or refused: a decoder may show it damaged.</summary>
        public bool Complete { get; }
    }
}
