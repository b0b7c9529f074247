using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// The sending side of one RTP stream: its payload type, SSRC and running sequence number, and
    /// the packets made of them (header, then a payload format's prefix, then the media bytes).
    /// A packet may keep headroom in front of its header, so that a sender can frame it (the 4
    /// bytes of an RTSP interleaved frame) without copying it again.
    /// </summary>
    internal sealed class RtpPacketWriter
    {
        private readonly byte _payloadType;
        private readonly uint _ssrc;
        private readonly int _headroom;

        public RtpPacketWriter(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes, int prefixBytes, int headroom = 0)
        {
            if (maxPacketBytes < RtpHeader.Length + prefixBytes + 4 || maxPacketBytes > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPacketBytes), maxPacketBytes, $"An RTP packet is {RtpHeader.Length + prefixBytes + 4}–65535 bytes here.");
            }

            _payloadType = payloadType;
            _ssrc = ssrc;
            _headroom = headroom;
            NextSequence = firstSequence;
            MaxPayload = maxPacketBytes - RtpHeader.Length;
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence { get; private set; }

        /// <summary>The most bytes after the RTP header.</summary>
        public int MaxPayload { get; }

        public byte[] Packet(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> payload, bool marker, uint timestamp)
        {
            var packet = new byte[_headroom + RtpHeader.Length + prefix.Length + payload.Length];
            var rtp = packet.AsSpan(_headroom);
            RtpHeader.Write(rtp, marker, _payloadType, NextSequence++, timestamp, _ssrc);
            prefix.CopyTo(rtp.Slice(RtpHeader.Length));
            payload.CopyTo(rtp.Slice(RtpHeader.Length + prefix.Length));
            return packet;
        }
    }
}
