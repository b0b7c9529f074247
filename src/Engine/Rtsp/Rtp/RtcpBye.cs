using System;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// An RTCP BYE for one source (RFC 3550 §6.6), sent after a sender report in one compound
    /// packet: how a server says a stream has ended, which ffmpeg and GStreamer take as its end.
    /// </summary>
    public static class RtcpBye
    {
        /// <summary>The bytes of a BYE without a reason.</summary>
        public const int Length = 8;

        private const byte PayloadTypeBye = 203;

        /// <summary>Writes the BYE of <paramref name="ssrc"/> into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
        public static void Write(Span<byte> destination, uint ssrc)
        {
            if (destination.Length < Length)
            {
                throw new ArgumentException($"A BYE takes {Length} bytes.", nameof(destination));
            }

            destination[0] = 0x81;
            destination[1] = PayloadTypeBye;
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), Length / 4 - 1);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        }
    }
}
