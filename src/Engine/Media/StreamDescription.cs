using System;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// What a published stream carries, read from its sequence headers — what the server logs
    /// when a publish starts ("H.264 High@3.1 1280x720, AAC-LC 48000 Hz stereo").
    /// </summary>
    public sealed class StreamDescription
    {
        private static readonly int[] LegacyRates = { 5512, 11025, 22050, 44100 };

        /// <summary>Creates a description; either part may be absent.</summary>
        public StreamDescription(VideoDescription? video, AudioDescription? audio)
        {
            Video = video;
            Audio = audio;
        }

        /// <summary>The video track, null when there is none or it could not be read.</summary>
        public VideoDescription? Video { get; }

        /// <summary>The audio track, null when there is none or it could not be read.</summary>
        public AudioDescription? Audio { get; }

        /// <summary>
        /// Describes a stream from its video and audio sequence header bodies (either may be
        /// empty when the stream has no such track). Never throws for malformed bytes.
        /// </summary>
        public static StreamDescription FromSequenceHeaders(ReadOnlySpan<byte> videoSequenceHeaderBody, ReadOnlySpan<byte> audioSequenceHeaderBody, WireLimits limits) =>
            new StreamDescription(
                videoSequenceHeaderBody.IsEmpty ? null : DescribeVideo(videoSequenceHeaderBody, limits),
                audioSequenceHeaderBody.IsEmpty ? null : DescribeAudio(audioSequenceHeaderBody));

        /// <summary>"H.264 High@3.1 1280x720, AAC-LC 48000 Hz stereo"; "no media" when both are absent.</summary>
        public static string Describe(VideoDescription? video, AudioDescription? audio)
        {
            if (video == null && audio == null)
            {
                return "no media";
            }

            if (video == null || audio == null)
            {
                return (video?.ToString() ?? audio!.ToString()) ?? string.Empty;
            }

            return video + ", " + audio;
        }

        /// <summary>
        /// Describes the video of a sequence header body (legacy or enhanced). For codecs without
        /// a sequence header (VP6, H.263) any video body gives the codec. Null when the body is
        /// not a sequence header of a known codec or does not parse; never throws for bad bytes.
        /// </summary>
        public static VideoDescription? DescribeVideo(ReadOnlySpan<byte> videoSequenceHeaderBody, WireLimits limits)
        {
            if (limits == null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            if (!VideoTagHeader.TryParse(videoSequenceHeaderBody, out var header) || header.Codec == VideoCodec.Unknown)
            {
                return null;
            }

            var config = videoSequenceHeaderBody.Slice(header.DataOffset);
            try
            {
                switch (header.Codec)
                {
                    case VideoCodec.Avc:
                        return header.IsSequenceHeader ? DescribeAvc(AvcDecoderConfigurationRecord.Parse(config, limits)) : null;
                    case VideoCodec.Hevc:
                        if (!header.IsSequenceHeader)
                        {
                            return null;
                        }

                        var hevc = HevcDecoderConfigurationRecord.Parse(config, limits);
                        return new VideoDescription(VideoCodec.Hevc, hevc.Width, hevc.Height, hevc.ProfileName, hevc.LevelName);
                    case VideoCodec.Av1:
                    case VideoCodec.Vp9:
                        return header.IsSequenceHeader ? new VideoDescription(header.Codec, 0, 0, string.Empty, string.Empty) : null;
                    default:
                        return new VideoDescription(header.Codec, 0, 0, string.Empty, string.Empty);
                }
            }
            catch (MediaFormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// Describes the audio of a sequence header body: AAC from its AudioSpecificConfig, Opus
        /// from its OpusHead, legacy codecs from their header bits. Null when the body does not
        /// parse or is AAC data rather than a config; never throws for bad bytes.
        /// </summary>
        public static AudioDescription? DescribeAudio(ReadOnlySpan<byte> audioSequenceHeaderBody)
        {
            if (!AudioTagHeader.TryParse(audioSequenceHeaderBody, out var header))
            {
                return null;
            }

            var data = audioSequenceHeaderBody.Slice(header.DataOffset);
            try
            {
                if (header.IsAacSequenceHeader)
                {
                    var config = AudioSpecificConfig.Parse(data);
                    int rate = config.ExtensionSampleRate != 0 ? config.ExtensionSampleRate : config.SampleRate;
                    return new AudioDescription(header.Codec, header.FourCc, config.ObjectTypeName, rate, config.ChannelCount);
                }
            }
            catch (MediaFormatException)
            {
                return null;
            }

            if (header.Codec == AudioCodec.Aac)
            {
                return null;
            }

            if (header.IsEnhanced)
            {
                return DescribeEnhanced(header, data);
            }

            return new AudioDescription(header.Codec, 0, LegacyName(header.Codec), LegacyRate(header), header.IsStereo ? 2 : 1);
        }

        /// <inheritdoc cref="Describe(VideoDescription?, AudioDescription?)"/>
        public override string ToString() => Describe(Video, Audio);

        private static VideoDescription DescribeAvc(AvcDecoderConfigurationRecord record)
        {
            if (record.Sps.Count > 0)
            {
                try
                {
                    var sps = AvcSps.Parse(record.Sps[0]);
                    return new VideoDescription(VideoCodec.Avc, sps.Width, sps.Height, sps.ProfileName, sps.LevelName);
                }
                catch (MediaFormatException)
                {
                    // The record's own copy of profile and level still says something useful.
                }
            }

            return new VideoDescription(
                VideoCodec.Avc,
                0,
                0,
                AvcProfile.Name(record.ProfileIndication, record.ProfileCompatibility),
                AvcProfile.LevelName(record.ProfileIndication, record.ProfileCompatibility, record.LevelIndication));
        }

        private static AudioDescription? DescribeEnhanced(AudioTagHeader header, ReadOnlySpan<byte> data)
        {
            if (header.FourCc == 0)
            {
                return null;
            }

            string name = header.FourCc switch
            {
                Media.FourCc.Opus => "Opus",
                Media.FourCc.Flac => "FLAC",
                Media.FourCc.Ac3 => "AC-3",
                Media.FourCc.Ec3 => "E-AC-3",
                Media.FourCc.Mp3 => "MP3",
                _ => Media.FourCc.ToString(header.FourCc),
            };

            // RFC 7845 §5.1 OpusHead: "OpusHead", version, channel count, pre-skip, input rate (LE).
            if (header.FourCc == Media.FourCc.Opus && header.IsSequenceHeader && data.Length >= 16 && data[0] == (byte)'O' && data[4] == (byte)'H')
            {
                int rate = data[12] | (data[13] << 8) | (data[14] << 16) | (data[15] << 24);
                return new AudioDescription(header.Codec, header.FourCc, name, rate > 0 ? rate : 0, data[9]);
            }

            return new AudioDescription(header.Codec, header.FourCc, name, 0, 0);
        }

        private static string LegacyName(AudioCodec codec) => codec switch
        {
            AudioCodec.LinearPcmPlatform => "PCM",
            AudioCodec.LinearPcmLe => "PCM",
            AudioCodec.Adpcm => "ADPCM",
            AudioCodec.Mp3 => "MP3",
            AudioCodec.Mp3_8k => "MP3",
            AudioCodec.Nellymoser => "Nellymoser",
            AudioCodec.Nellymoser8 => "Nellymoser",
            AudioCodec.Nellymoser16 => "Nellymoser",
            AudioCodec.G711A => "G.711 A-law",
            AudioCodec.G711U => "G.711 mu-law",
            AudioCodec.Speex => "Speex",
            _ => "device-specific audio",
        };

        // FLV 10.1 §E.4.2.1: some formats ignore the SoundRate field and have a fixed rate.
        private static int LegacyRate(AudioTagHeader header) => header.Codec switch
        {
            AudioCodec.G711A => 8000,
            AudioCodec.G711U => 8000,
            AudioCodec.Nellymoser8 => 8000,
            AudioCodec.Mp3_8k => 8000,
            AudioCodec.Nellymoser16 => 16000,
            AudioCodec.Speex => 16000,
            _ => LegacyRates[header.SampleRateIndex],
        };
    }
}
