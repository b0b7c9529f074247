using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// A received RTP packet, read in place (RFC 3550 §5.1): the CSRC list, a header extension
    /// and padding are stepped over, so <see cref="Payload"/> is only the media.
    /// </summary>
    public readonly ref struct RtpPacket
    {
        private RtpPacket(bool marker, byte payloadType, ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload)
        {
            Marker = marker;
            PayloadType = payloadType;
            Sequence = sequence;
            Timestamp = timestamp;
            Ssrc = ssrc;
            Payload = payload;
        }

        /// <summary>The marker bit: for video, the last packet of an access unit.</summary>
        public bool Marker { get; }

        /// <summary>The payload type (96 and up: as the SDP's rtpmap says).</summary>
        public byte PayloadType { get; }

        /// <summary>The sequence number, which wraps at 65536.</summary>
        public ushort Sequence { get; }

        /// <summary>The media time (90 kHz for video).</summary>
        public uint Timestamp { get; }

        /// <summary>The sender's synchronization source.</summary>
        public uint Ssrc { get; }

        /// <summary>The media bytes.</summary>
        public ReadOnlySpan<byte> Payload { get; }

        /// <summary>Reads <paramref name="packet"/>; false when it is not a whole version 2 RTP packet.</summary>
        public static bool TryRead(ReadOnlySpan<byte> packet, out RtpPacket rtp)
        {
            rtp = default;
            if (packet.Length < RtpHeader.Length || packet[0] >> 6 != 2)
            {
                return false;
            }

            int start = RtpHeader.Length + (4 * (packet[0] & 0x0F));
            if ((packet[0] & 0x10) != 0)
            {
                if (packet.Length < start + 4)
                {
                    return false;
                }

                start += 4 + (4 * ((packet[start + 2] << 8) | packet[start + 3]));
            }

            int end = packet.Length;
            if ((packet[0] & 0x20) != 0)
            {
                // The last byte counts the padding, itself included: never 0 (RFC 3550 §5.1).
                if (packet[packet.Length - 1] == 0)
                {
                    return false;
                }

                end -= packet[packet.Length - 1];
            }

            if (start > end || end > packet.Length)
            {
                return false;
            }

            rtp = new RtpPacket(
                (packet[1] & 0x80) != 0,
                (byte)(packet[1] & 0x7F),
                (ushort)((packet[2] << 8) | packet[3]),
                (uint)((packet[4] << 24) | (packet[5] << 16) | (packet[6] << 8) | packet[7]),
                (uint)((packet[8] << 24) | (packet[9] << 16) | (packet[10] << 8) | packet[11]),
                packet.Slice(start, end - start));
            return true;
        }
    }
}
