using System;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// The sending side of one RTP stream: its payload type, SSRC and running sequence number, and
    /// the packets made of them (header, then a payload format's prefix, then the media bytes).
    /// </summary>
    internal sealed class RtpPacketWriter
    {
        private readonly byte _payloadType;
        private readonly uint _ssrc;

        public RtpPacketWriter(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes, int prefixBytes)
        {
            if (maxPacketBytes < RtpHeader.Length + prefixBytes + 4 || maxPacketBytes > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPacketBytes), maxPacketBytes, $"An RTP packet is {RtpHeader.Length + prefixBytes + 4}–65535 bytes here.");
            }

            _payloadType = payloadType;
            _ssrc = ssrc;
            NextSequence = firstSequence;
            MaxPayload = maxPacketBytes - RtpHeader.Length;
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence { get; private set; }

        /// <summary>The most bytes after the RTP header.</summary>
        public int MaxPayload { get; }

        public byte[] Packet(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> payload, bool marker, uint timestamp)
        {
            var packet = new byte[RtpHeader.Length + prefix.Length + payload.Length];
            RtpHeader.Write(packet, marker, _payloadType, NextSequence++, timestamp, _ssrc);
            prefix.CopyTo(packet.AsSpan(RtpHeader.Length));
            payload.CopyTo(packet.AsSpan(RtpHeader.Length + prefix.Length));
            return packet;
        }
    }
}
