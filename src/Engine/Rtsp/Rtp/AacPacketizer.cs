using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// AAC frames into RTP packets as RFC 3640 AAC-hbr: one access unit per packet behind a
    /// 16-bit AU-headers-length and one AU header (13-bit size, 3-bit index 0), or, for a frame
    /// larger than a packet, fragments that each carry the whole frame's size (§3.2.3.2). The
    /// marker is set on a packet that ends a frame; the timestamp is the frame's first sample.
    /// </summary>
    public sealed class AacPacketizer
    {
        private const int MaxFrameBytes = (1 << 13) - 1;

        private readonly RtpPacketWriter _writer;

        /// <summary>
        /// Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included),
        /// each with <paramref name="headroom"/> free bytes in front for the sender's framing.
        /// </summary>
        public AacPacketizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes = 1400, int headroom = 0)
        {
            _writer = new RtpPacketWriter(payloadType, ssrc, firstSequence, maxPacketBytes, prefixBytes: 4, headroom);
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence => _writer.NextSequence;

        /// <summary>The packets of one raw AAC frame (no ADTS header) whose first sample is at <paramref name="timestamp"/> (sample rate).</summary>
        /// <exception cref="ArgumentException">The frame is empty or larger than a 13-bit AU size can say.</exception>
        public List<byte[]> Packetize(ReadOnlySpan<byte> frame, uint timestamp)
        {
            if (frame.IsEmpty || frame.Length > MaxFrameBytes)
            {
                throw new ArgumentException($"An AAC frame is 1–{MaxFrameBytes} bytes in AAC-hbr.", nameof(frame));
            }

            var packets = new List<byte[]>();
            int maxData = _writer.MaxPayload - 4;

            // AU-headers-length in bits (one 16-bit header), then the header: 13-bit size, 3-bit index 0.
            var header = new byte[] { 0, 16, (byte)(frame.Length >> 5), (byte)(frame.Length << 3) };
            for (int offset = 0; offset < frame.Length; offset += maxData)
            {
                int length = Math.Min(maxData, frame.Length - offset);
                packets.Add(_writer.Packet(header, frame.Slice(offset, length), offset + length == frame.Length, timestamp));
            }

            return packets;
        }
    }
}
