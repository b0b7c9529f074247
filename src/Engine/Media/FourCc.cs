using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// The FourCC codes Enhanced RTMP uses for codecs, as big-endian 32-bit numbers in the order
    /// they appear on the wire ('a','v','c','1' is 0x61766331).
    /// </summary>
    public static class FourCc
    {
        /// <summary>H.264 / AVC video.</summary>
        public const uint Avc1 = 0x61766331;

        /// <summary>H.265 / HEVC video.</summary>
        public const uint Hvc1 = 0x68766331;

        /// <summary>AV1 video.</summary>
        public const uint Av01 = 0x61763031;

        /// <summary>VP9 video.</summary>
        public const uint Vp09 = 0x76703039;

        /// <summary>AAC audio (Enhanced RTMP v2).</summary>
        public const uint Mp4a = 0x6D703461;

        /// <summary>Opus audio (Enhanced RTMP v2).</summary>
        public const uint Opus = 0x4F707573;

        /// <summary>FLAC audio (Enhanced RTMP v2).</summary>
        public const uint Flac = 0x664C6143;

        /// <summary>AC-3 audio (Enhanced RTMP v2).</summary>
        public const uint Ac3 = 0x61632D33;

        /// <summary>E-AC-3 audio (Enhanced RTMP v2).</summary>
        public const uint Ec3 = 0x65632D33;

        /// <summary>MP3 audio (Enhanced RTMP v2, ".mp3").</summary>
        public const uint Mp3 = 0x2E6D7033;

        /// <summary>
        /// The four characters of a FourCC, for logs. Bytes outside printable ASCII are shown as
        /// '?' so that a hostile value cannot inject control characters into a log line.
        /// </summary>
        public static string ToString(uint fourCc)
        {
            var chars = new char[4];
            for (int i = 0; i < 4; i++)
            {
                int b = (int)(fourCc >> (24 - (8 * i))) & 0xFF;
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }

            return new string(chars);
        }

        /// <summary>The video codec a FourCC names, <see cref="VideoCodec.Unknown"/> for others.</summary>
        public static VideoCodec ToVideoCodec(uint fourCc)
        {
            switch (fourCc)
            {
                case Avc1: return VideoCodec.Avc;
                case Hvc1: return VideoCodec.Hevc;
                case Av01: return VideoCodec.Av1;
                case Vp09: return VideoCodec.Vp9;
                default: return VideoCodec.Unknown;
            }
        }

        internal static uint Read(ReadOnlySpan<byte> source) =>
            ((uint)source[0] << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | source[3];

        internal static void Write(Span<byte> dest, uint fourCc)
        {
            dest[0] = (byte)(fourCc >> 24);
            dest[1] = (byte)(fourCc >> 16);
            dest[2] = (byte)(fourCc >> 8);
            dest[3] = (byte)fourCc;
        }
    }
}
