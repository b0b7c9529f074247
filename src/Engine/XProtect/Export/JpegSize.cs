using System;

namespace RtmpXProtect.Engine.XProtect.Export
{
    /// <summary>A JPEG's picture size, from its start-of-frame segment (ITU-T T.81 §B.2.2).</summary>
    internal static class JpegSize
    {
        public static (int Width, int Height)? Read(ReadOnlySpan<byte> jpeg)
        {
            int i = 2;
            while (i + 9 < jpeg.Length)
            {
                if (jpeg[i] != 0xFF)
                {
                    return null;
                }

                byte marker = jpeg[i + 1];
                int length = (jpeg[i + 2] << 8) | jpeg[i + 3];

                // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                {
                    int height = (jpeg[i + 5] << 8) | jpeg[i + 6];
                    int width = (jpeg[i + 7] << 8) | jpeg[i + 8];
                    return width > 0 && height > 0 ? (width, height) : ((int, int)?)null;
                }

                if (length < 2)
                {
                    return null;
                }

                i += 2 + length;
            }

            return null;
        }
    }
}
