using System;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// Reads the AudioSpecificConfig out of an esds box's ES_Descriptor (ISO 14496-1 §7.2.6.5):
    /// ES_Descriptor (tag 3) → DecoderConfigDescriptor (tag 4, object type AAC) →
    /// DecoderSpecificInfo (tag 5).
    /// </summary>
    internal static class ElementaryStreamDescriptor
    {
        private const int EsTag = 0x03;
        private const int DecoderConfigTag = 0x04;
        private const int DecoderSpecificTag = 0x05;

        // ISO 14496-1 Table 5 (via the MP4 registration authority): 0x40 MPEG-4 audio, 0x66–0x68 MPEG-2 AAC profiles.
        private static bool IsAac(byte objectType) => objectType == 0x40 || (objectType >= 0x66 && objectType <= 0x68);

        /// <summary>The AudioSpecificConfig, or null when the stream is not AAC (MP3, for one).</summary>
        public static byte[]? AacConfiguration(ReadOnlySpan<byte> descriptors)
        {
            var es = Descriptor(descriptors, EsTag);
            if (es.Length < 3)
            {
                throw new MediaFormatException("An esds box's ES descriptor is shorter than its fields.");
            }

            byte flags = es[2];
            int at = 3 + ((flags & 0x80) != 0 ? 2 : 0);
            if ((flags & 0x40) != 0)
            {
                at += 1 + (at < es.Length ? es[at] : 0);
            }

            at += (flags & 0x20) != 0 ? 2 : 0;
            if (at > es.Length)
            {
                throw new MediaFormatException("An esds box's ES descriptor is shorter than its fields.");
            }

            var config = Descriptor(es.Slice(at), DecoderConfigTag);
            if (config.Length < 13)
            {
                throw new MediaFormatException("An esds box's decoder configuration is shorter than its fields.");
            }

            if (!IsAac(config[0]))
            {
                return null;
            }

            var specific = Descriptor(config.Slice(13), DecoderSpecificTag);
            return specific.Length >= 2
                ? specific.ToArray()
                : throw new MediaFormatException("An AAC track's esds box has no AudioSpecificConfig.");
        }

        // A descriptor is a tag, a size in 1–4 bytes of 7 bits each, then its content.
        private static ReadOnlySpan<byte> Descriptor(ReadOnlySpan<byte> data, int tag)
        {
            if (data.Length < 2 || data[0] != tag)
            {
                throw new MediaFormatException($"An esds box lacks its descriptor with tag {tag}.");
            }

            int size = 0, at = 1;
            for (int i = 0; i < 4; i++, at++)
            {
                if (at >= data.Length)
                {
                    throw new MediaFormatException("An esds descriptor's size is cut off.");
                }

                size = (size << 7) | (data[at] & 0x7F);
                if ((data[at] & 0x80) == 0)
                {
                    at++;
                    break;
                }
            }

            if (size > data.Length - at)
            {
                throw new MediaFormatException($"An esds descriptor declares {size} bytes where {data.Length - at} remain.");
            }

            return data.Slice(at, size);
        }
    }
}
