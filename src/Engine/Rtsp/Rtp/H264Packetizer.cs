using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// H.264 access units into RTP packets (RFC 6184, packetization-mode 1): single NAL unit
    /// packets (§5.6) and FU-A fragments (§5.8), the FU indicator keeping the NAL unit's F and NRI
    /// bits and each FU header its type.
    /// </summary>
    public sealed class H264Packetizer : RtpVideoPacketizer
    {
        private const int NalAud = 9;
        private const int FuA = 28;

        /// <summary>
        /// Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included),
        /// each with <paramref name="headroom"/> free bytes in front for the sender's framing.
        /// </summary>
        public H264Packetizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes = 1400, int headroom = 0)
            : base(payloadType, ssrc, firstSequence, maxPacketBytes, headroom)
        {
        }

        private protected override int NalHeaderLength => 1;

        private protected override bool IsDelimiter(ReadOnlySpan<byte> nal) => (nal[0] & 0x1F) == NalAud;

        private protected override byte[] FragmentHeader(ReadOnlySpan<byte> nal, bool start, bool end) =>
            new[] { (byte)((nal[0] & 0xE0) | FuA), (byte)((start ? 0x80 : 0) | (end ? 0x40 : 0) | (nal[0] & 0x1F)) };
    }
}
