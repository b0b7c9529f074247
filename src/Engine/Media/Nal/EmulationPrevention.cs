using System;

namespace RtmpXProtect.Engine.Media.Nal
{
    /// <summary>
    /// Turns a NAL unit payload into its RBSP by removing emulation prevention bytes
    /// (00 00 03 → 00 00, H.264 §7.4.1, H.265 §7.4.2), which parameter-set parsers need.
    /// </summary>
    internal static class EmulationPrevention
    {
        public static byte[] Remove(ReadOnlySpan<byte> payload)
        {
            var rbsp = new byte[payload.Length];
            int length = 0;
            int zeros = 0;
            for (int i = 0; i < payload.Length; i++)
            {
                byte b = payload[i];
                if (zeros >= 2 && b == 3)
                {
                    zeros = 0;
                    continue;
                }

                zeros = b == 0 ? zeros + 1 : 0;
                rbsp[length++] = b;
            }

            if (length == rbsp.Length)
            {
                return rbsp;
            }

            var trimmed = new byte[length];
            Array.Copy(rbsp, trimmed, length);
            return trimmed;
        }
    }
}
