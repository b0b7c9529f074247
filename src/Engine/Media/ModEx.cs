using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// Enhanced RTMP v2 ModEx: size-prefixed modifier data ahead of the real packet type, in audio
    /// and video tags alike (same value 7 for both).
    /// </summary>
    internal static class ModEx
    {
        public const int PacketType = 7;

        /// <summary>
        /// Skips ModEx rounds starting at <paramref name="offset"/> while <paramref name="packetType"/>
        /// is ModEx; false when a round runs past the body. Each round consumes at least two bytes,
        /// so the loop is bounded by the body length.
        /// </summary>
        public static bool TrySkip(ReadOnlySpan<byte> body, ref int offset, ref int packetType)
        {
            while (packetType == PacketType)
            {
                if (offset >= body.Length)
                {
                    return false;
                }

                int size = body[offset++] + 1;
                if (size == 256)
                {
                    if (offset + 2 > body.Length)
                    {
                        return false;
                    }

                    size = ((body[offset] << 8) | body[offset + 1]) + 1;
                    offset += 2;
                }

                if (body.Length - offset < size + 1)
                {
                    return false;
                }

                offset += size;
                packetType = body[offset++] & 0x0F;
            }

            return true;
        }
    }
}
