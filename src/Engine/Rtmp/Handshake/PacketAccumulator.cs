using System;

namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// Collects one 1536-byte handshake packet from reads of any size, so a peer that trickles
    /// bytes costs no more than this one buffer.
    /// </summary>
    internal sealed class PacketAccumulator
    {
        private int _filled;

        /// <summary>The packet; complete only when <see cref="IsFull"/>.</summary>
        public byte[] Packet { get; } = new byte[HandshakePacket.Size];

        /// <summary>True once all 1536 bytes have arrived.</summary>
        public bool IsFull => _filled == HandshakePacket.Size;

        /// <summary>Copies what still fits from <paramref name="input"/> and returns how many bytes it took.</summary>
        public int Fill(ReadOnlySpan<byte> input)
        {
            int take = Math.Min(HandshakePacket.Size - _filled, input.Length);
            input.Slice(0, take).CopyTo(Packet.AsSpan(_filled));
            _filled += take;
            return take;
        }

        /// <summary>Starts the next packet in the same buffer.</summary>
        public void Reset() => _filled = 0;
    }
}
