using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// RTP packets of an H.265 stream back into Annex B access units (RFC 7798 without DONL,
    /// sprop-max-don-diff 0: single NAL units §4.4.1, aggregation packets §4.4.2, fragmentation
    /// units §4.4.3); PACI packets and NAL units with the forbidden bit set flag their access unit.
    /// </summary>
    public sealed class H265Depacketizer : RtpVideoDepacketizer
    {
        private const int Ap = 48;
        private const int Fu = 49;

        /// <summary>Creates a depacketizer; an access unit over <paramref name="maxAccessUnitBytes"/> loses what does not fit.</summary>
        public H265Depacketizer(int maxAccessUnitBytes = 8 * 1024 * 1024)
            : base(maxAccessUnitBytes)
        {
        }

        private protected override void Take(ReadOnlySpan<byte> payload)
        {
            if (payload.Length < 2 || (payload[0] & 0x80) != 0)
            {
                Damage(); // no payload header, or the forbidden bit set
                return;
            }

            int type = (payload[0] >> 1) & 0x3F;
            if (type < Ap)
            {
                Add(payload);
            }
            else if (type == Ap)
            {
                Aggregated(payload, 2, header => (header & 0x80) == 0 && ((header >> 1) & 0x3F) < Ap);
            }
            else if (type == Fu && payload.Length >= 4)
            {
                int nalType = payload[2] & 0x3F;
                var header = new[] { (byte)((payload[0] & 0x81) | (nalType << 1)), payload[1] };
                Fragment(header, nalType, (payload[2] & 0x80) != 0, (payload[2] & 0x40) != 0, payload.Slice(3));
            }
            else if (type == Fu)
            {
                BrokenFragment();
            }
            else
            {
                Damage(); // PACI (50) or a reserved type
            }
        }
    }
}
