using System;

namespace RtmpXProtect.Engine.Media.Aac
{
    /// <summary>
    /// The 7-byte ADTS header (ISO 14496-3 §1.A.2, no CRC) that makes a raw AAC frame
    /// self-describing: profile, sampling frequency and channels from its AudioSpecificConfig.
    /// </summary>
    public static class AdtsHeader
    {
        /// <summary>The header's length without CRC.</summary>
        public const int Length = 7;

        // aac_frame_length is 13 bits and counts the header.
        private const int MaxFrameLength = (1 << 13) - 1;

        /// <summary>Writes the header of a frame of <paramref name="payloadLength"/> bytes to <paramref name="dest"/>.</summary>
        /// <exception cref="ArgumentException">The frame is too long for ADTS, or the configuration has no ADTS form (object type above 4, an explicit frequency, channel configuration 0).</exception>
        public static void Write(Span<byte> dest, AudioSpecificConfig config, int payloadLength)
        {
            if (config == null)
            {
                throw new ArgumentNullException(nameof(config));
            }

            int frame = payloadLength + Length;
            if (payloadLength < 0 || frame > MaxFrameLength)
            {
                throw new ArgumentException($"An AAC frame of {payloadLength} bytes does not fit ADTS.", nameof(payloadLength));
            }

            if (config.ObjectType < 1 || config.ObjectType > 4 || config.SamplingFrequencyIndex > 12 || config.ChannelConfiguration < 1 || config.ChannelConfiguration > 7)
            {
                throw new ArgumentException("This AAC configuration has no ADTS header (object type 1–4, a frequency index and a channel configuration are needed).", nameof(config));
            }

            int profile = config.ObjectType - 1;
            int channels = config.ChannelConfiguration;
            dest[0] = 0xFF;
            dest[1] = 0xF1; // syncword, MPEG-4, layer 0, no CRC
            dest[2] = (byte)((profile << 6) | (config.SamplingFrequencyIndex << 2) | (channels >> 2));
            dest[3] = (byte)(((channels & 3) << 6) | (frame >> 11));
            dest[4] = (byte)(frame >> 3);
            dest[5] = (byte)(((frame & 7) << 5) | 0x1F); // buffer fullness 0x7FF: variable rate
            dest[6] = 0xFC;
        }
    }
}
