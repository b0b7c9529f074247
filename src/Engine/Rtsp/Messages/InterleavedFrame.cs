using System;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// An RTP or RTCP packet on the RTSP connection itself (RFC 2326 §10.12): <c>$</c>, a channel
    /// byte, a 16-bit big-endian length, then the packet.
    /// </summary>
    public sealed class InterleavedFrame : RtspTcpMessage
    {
        /// <summary>Creates a frame.</summary>
        public InterleavedFrame(byte channel, ReadOnlyMemory<byte> payload)
        {
            if (payload.Length > ushort.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "An interleaved frame holds at most 65535 bytes.");
            }

            Channel = channel;
            Payload = payload;
        }

        /// <summary>The channel SETUP gave the stream (<c>interleaved=0-1</c>: 0 RTP, 1 RTCP).</summary>
        public byte Channel { get; }

        /// <summary>The RTP or RTCP packet.</summary>
        public ReadOnlyMemory<byte> Payload { get; }
    }
}
