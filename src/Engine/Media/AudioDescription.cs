using System.Globalization;
using RtmpXProtect.Engine.Media.Aac;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>What an audio track is, as a publish log line and status output show it.</summary>
    public sealed class AudioDescription
    {
        /// <summary>Creates a description; sample rate and channels 0 when unknown.</summary>
        public AudioDescription(AudioCodec codec, uint fourCc, string name, int sampleRate, int channels)
        {
            Codec = codec;
            FourCc = fourCc;
            Name = name ?? string.Empty;
            SampleRate = sampleRate;
            Channels = channels;
        }

        /// <summary>The SoundFormat (<see cref="AudioCodec.ExHeader"/> for Enhanced RTMP audio).</summary>
        public AudioCodec Codec { get; }

        /// <summary>The FourCC of Enhanced RTMP audio, 0 for legacy.</summary>
        public uint FourCc { get; }

        /// <summary>The codec's name, with the AAC object type ("AAC-LC", "MP3", "Opus").</summary>
        public string Name { get; }

        /// <summary>Sample rate in Hz, 0 when unknown.</summary>
        public int SampleRate { get; }

        /// <summary>Channel count, 0 when unknown.</summary>
        public int Channels { get; }

        /// <summary>"AAC-LC 48000 Hz stereo", leaving out what is unknown.</summary>
        public override string ToString()
        {
            string text = Name;
            if (SampleRate > 0)
            {
                text += " " + SampleRate.ToString(CultureInfo.InvariantCulture) + " Hz";
            }

            if (Channels > 0)
            {
                text += " " + AudioSpecificConfig.ChannelText(Channels);
            }

            return text;
        }
    }
}
