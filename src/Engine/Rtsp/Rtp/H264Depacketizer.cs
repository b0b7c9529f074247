using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// RTP packets of an H.264 stream back into Annex B access units (RFC 6184, packetization
    /// modes 0 and 1: single NAL units §5.6, STAP-A §5.7.1, FU-A §5.8); STAP-B, MTAP and FU-B
    /// (interleaved mode) and NAL units with the forbidden bit set flag their access unit.
    /// </summary>
    public sealed class H264Depacketizer : RtpVideoDepacketizer
    {
        private const int StapA = 24;
        private const int FuA = 28;

        /// <summary>Creates a depacketizer; an access unit over <paramref name="maxAccessUnitBytes"/> loses what does not fit.</summary>
        public H264Depacketizer(int maxAccessUnitBytes = 8 * 1024 * 1024)
            : base(maxAccessUnitBytes)
        {
        }

        private protected override void Take(ReadOnlySpan<byte> payload)
        {
            if ((payload[0] & 0x80) != 0)
            {
                Damage(); // forbidden_zero_bit: the sender says the unit is corrupt
                return;
            }

            int type = payload[0] & 0x1F;
            if (type >= 1 && type <= 23)
            {
                Add(payload);
            }
            else if (type == StapA)
            {
                Aggregated(payload, 1, header => (header & 0x80) == 0 && (header & 0x1F) >= 1 && (header & 0x1F) <= 23);
            }
            else if (type == FuA && payload.Length >= 3)
            {
                int nalType = payload[1] & 0x1F;
                Fragment(new[] { (byte)((payload[0] & 0xE0) | nalType) }, nalType, (payload[1] & 0x80) != 0, (payload[1] & 0x40) != 0, payload.Slice(2));
            }
            else if (type == FuA)
            {
                BrokenFragment();
            }
            else
            {
                Damage(); // STAP-B, MTAP, FU-B (interleaved mode) or a reserved type
            }
        }
    }
}
