using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// The header of an RTMP audio message / FLV audio tag body: legacy (FLV 10.1 §E.4.2.1) or
    /// Enhanced RTMP v2 (SoundFormat 9, ExAudioTagHeader).
    /// </summary>
    public readonly struct AudioTagHeader
    {
        // Enhanced RTMP AudioPacketType values.
        private const int PacketSequenceStart = 0;
        private const int PacketMultitrack = 5;
        private const int MultitrackManyTracksManyCodecs = 2;

        private AudioTagHeader(AudioCodec codec, int sampleRateIndex, bool is16Bit, bool isStereo, uint fourCc, bool isSequenceHeader, int dataOffset)
        {
            Codec = codec;
            SampleRateIndex = sampleRateIndex;
            Is16Bit = is16Bit;
            IsStereo = isStereo;
            FourCc = fourCc;
            IsSequenceHeader = isSequenceHeader;
            DataOffset = dataOffset;
        }

        /// <summary>The SoundFormat.</summary>
        public AudioCodec Codec { get; }

        /// <summary>
        /// The legacy SoundRate field: 0 = 5.5 kHz, 1 = 11 kHz, 2 = 22 kHz, 3 = 44 kHz. AAC always
        /// says 3 whatever its real rate (the AudioSpecificConfig has it); 0 for enhanced tags.
        /// </summary>
        public int SampleRateIndex { get; }

        /// <summary>The legacy SoundSize field (16-bit samples); false for enhanced tags.</summary>
        public bool Is16Bit { get; }

        /// <summary>The legacy SoundType field (stereo); false for enhanced tags.</summary>
        public bool IsStereo { get; }

        /// <summary>True for Enhanced RTMP audio (SoundFormat 9).</summary>
        public bool IsEnhanced => Codec == AudioCodec.ExHeader;

        /// <summary>The FourCC of an enhanced tag (mp4a, Opus, fLaC, ac-3, ec-3, .mp3); 0 for legacy tags and many-codec multitrack tags.</summary>
        public uint FourCc { get; }

        /// <summary>
        /// True when the body carries an AAC AudioSpecificConfig at <see cref="DataOffset"/>: a
        /// legacy AAC sequence header or an enhanced mp4a sequence start.
        /// </summary>
        public bool IsAacSequenceHeader =>
            IsSequenceHeader && (Codec == AudioCodec.Aac || FourCc == Media.FourCc.Mp4a);

        /// <summary>True for a codec configuration (AACPacketType 0, or enhanced SequenceStart).</summary>
        public bool IsSequenceHeader { get; }

        /// <summary>Offset in the body where the codec data (config or frames) begins.</summary>
        public int DataOffset { get; }

        /// <summary>Parses an audio body, throwing <see cref="MediaFormatException"/> when it is too short or malformed.</summary>
        public static AudioTagHeader Parse(ReadOnlySpan<byte> body)
        {
            if (!TryParse(body, out var header))
            {
                throw new MediaFormatException($"Malformed audio tag header ({body.Length} byte body).");
            }

            return header;
        }

        /// <summary>Parses an audio body; false when it is too short or malformed. Never throws.</summary>
        public static bool TryParse(ReadOnlySpan<byte> body, out AudioTagHeader header)
        {
            header = default;
            if (body.Length < 1)
            {
                return false;
            }

            int format = body[0] >> 4;
            if (format == 12 || format == 13)
            {
                return false;
            }

            var codec = (AudioCodec)format;
            if (codec == AudioCodec.ExHeader)
            {
                return TryParseEnhanced(body, out header);
            }

            int rate = (body[0] >> 2) & 0x03;
            bool is16Bit = (body[0] & 0x02) != 0;
            bool stereo = (body[0] & 0x01) != 0;
            if (codec != AudioCodec.Aac)
            {
                header = new AudioTagHeader(codec, rate, is16Bit, stereo, 0, false, 1);
                return true;
            }

            if (body.Length < 2 || body[1] > 1)
            {
                return false;
            }

            header = new AudioTagHeader(codec, rate, is16Bit, stereo, 0, body[1] == 0, 2);
            return true;
        }

        private static bool TryParseEnhanced(ReadOnlySpan<byte> body, out AudioTagHeader header)
        {
            header = default;
            int packetType = body[0] & 0x0F;
            int offset = 1;

            if (!ModEx.TrySkip(body, ref offset, ref packetType))
            {
                return false;
            }

            bool hasFourCc = true;
            bool multitrack = packetType == PacketMultitrack;
            if (multitrack)
            {
                if (offset >= body.Length)
                {
                    return false;
                }

                hasFourCc = (body[offset] >> 4) != MultitrackManyTracksManyCodecs;
                packetType = body[offset] & 0x0F;
                offset++;
            }

            uint fourCc = 0;
            if (hasFourCc)
            {
                if (body.Length - offset < 4)
                {
                    return false;
                }

                fourCc = Media.FourCc.Read(body.Slice(offset));
                offset += 4;
            }

            // A multitrack sequence start holds per-track configs, not one config at DataOffset.
            bool sequenceStart = packetType == PacketSequenceStart && !multitrack;
            header = new AudioTagHeader(AudioCodec.ExHeader, 0, false, false, fourCc, sequenceStart, offset);
            return true;
        }
    }
}
