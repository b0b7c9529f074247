using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// H.265 access units into RTP packets (RFC 7798, no DONL: sprop-max-don-diff 0): single NAL
    /// unit packets (§4.4.1) and fragmentation units (§4.4.3), whose payload header keeps the NAL
    /// unit's F bit, layer and temporal id with type 49, and whose FU header carries its type.
    /// </summary>
    public sealed class H265Packetizer : RtpVideoPacketizer
    {
        private const int NalAud = 35;
        private const int Fu = 49;

        /// <summary>
        /// Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included),
        /// each with <paramref name="headroom"/> free bytes in front for the sender's framing.
        /// </summary>
        public H265Packetizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes = 1400, int headroom = 0)
            : base(payloadType, ssrc, firstSequence, maxPacketBytes, headroom)
        {
        }

        private protected override int NalHeaderLength => 2;

        private protected override bool IsDelimiter(ReadOnlySpan<byte> nal) => ((nal[0] >> 1) & 0x3F) == NalAud;

        private protected override byte[] FragmentHeader(ReadOnlySpan<byte> nal, bool start, bool end) =>
            new[] { (byte)((nal[0] & 0x81) | (Fu << 1)), nal[1], (byte)((start ? 0x80 : 0) | (end ? 0x40 : 0) | ((nal[0] >> 1) & 0x3F)) };
    }
}
