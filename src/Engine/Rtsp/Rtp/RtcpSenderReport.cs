using System;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// An RTCP sender report without report blocks (RFC 3550 §6.4.1): it ties an RTP timestamp to
    /// the wall clock, which is how a player lines up audio and video, and how ffmpeg places its
    /// first presentation time.
    /// </summary>
    public static class RtcpSenderReport
    {
        /// <summary>The bytes of a report: header, sender info, no report blocks.</summary>
        public const int Length = 28;

        private const byte PayloadTypeSenderReport = 200;

        // Seconds from the NTP epoch (1900) to the Unix epoch (1970).
        private const ulong NtpToUnixSeconds = 2208988800UL;

        /// <summary>
        /// Writes a report at <paramref name="destination"/>, which holds at least <see cref="Length"/> bytes.
        /// </summary>
        /// <param name="destination">Where the report goes.</param>
        /// <param name="ssrc">The sender's SSRC.</param>
        /// <param name="wallClock">The time <paramref name="rtpTimestamp"/> stands for.</param>
        /// <param name="rtpTimestamp">The media time of the same instant, in the stream's clock.</param>
        /// <param name="packets">Packets sent so far (wraps at 2^32).</param>
        /// <param name="octets">Payload bytes sent so far (wraps at 2^32).</param>
        public static void Write(Span<byte> destination, uint ssrc, DateTime wallClock, uint rtpTimestamp, long packets, long octets)
        {
            if (destination.Length < Length)
            {
                throw new ArgumentException($"A sender report takes {Length} bytes.", nameof(destination));
            }

            destination[0] = 0x80;
            destination[1] = PayloadTypeSenderReport;
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), Length / 4 - 1);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
            BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), ToNtp(wallClock));
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), rtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), unchecked((uint)packets));
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(24), unchecked((uint)octets));
        }

        /// <summary>The 64-bit NTP timestamp (32.32 fixed point seconds since 1900) of a UTC time.</summary>
        public static ulong ToNtp(DateTime utc)
        {
            var sinceUnix = utc.ToUniversalTime() - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var ticks = (ulong)sinceUnix.Ticks;
            var seconds = (ticks / TimeSpan.TicksPerSecond) + NtpToUnixSeconds;
            var fraction = ((ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
            return (seconds << 32) | fraction;
        }
    }
}
