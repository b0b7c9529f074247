using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>The fixed 12-byte RTP header (RFC 3550 §5.1): version 2, no padding, extension or CSRCs.</summary>
    public static class RtpHeader
    {
        /// <summary>Bytes of the header.</summary>
        public const int Length = 12;

        /// <summary>Writes the header into the first 12 bytes of <paramref name="destination"/>.</summary>
        public static void Write(Span<byte> destination, bool marker, byte payloadType, ushort sequence, uint timestamp, uint ssrc)
        {
            if (payloadType > 127)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "An RTP payload type has 7 bits.");
            }

            destination[0] = 0x80;
            destination[1] = (byte)((marker ? 0x80 : 0) | payloadType);
            destination[2] = (byte)(sequence >> 8);
            destination[3] = (byte)sequence;
            destination[4] = (byte)(timestamp >> 24);
            destination[5] = (byte)(timestamp >> 16);
            destination[6] = (byte)(timestamp >> 8);
            destination[7] = (byte)timestamp;
            destination[8] = (byte)(ssrc >> 24);
            destination[9] = (byte)(ssrc >> 16);
            destination[10] = (byte)(ssrc >> 8);
            destination[11] = (byte)ssrc;
        }

        /// <summary>The sequence number of a packet this class wrote (bytes 2–3).</summary>
        public static ushort SequenceOf(ReadOnlySpan<byte> packet) => (ushort)((packet[2] << 8) | packet[3]);
    }
}
