using System;
using RtmpXProtect.Engine.Media.Aac;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>An AAC track (ISO 14496-14 §5.6 "mp4a" with an esds), timed at its sample rate.</summary>
    public sealed class Mp4AudioTrack : Mp4Track
    {
        /// <summary>Describes the AAC stream whose AudioSpecificConfig is <paramref name="audioSpecificConfig"/>.</summary>
        /// <exception cref="MediaFormatException">The configuration does not parse or names no sample rate or channels.</exception>
        public Mp4AudioTrack(byte[] audioSpecificConfig)
        {
            AudioSpecificConfig = audioSpecificConfig ?? throw new ArgumentNullException(nameof(audioSpecificConfig));
            var config = Aac.AudioSpecificConfig.Parse(audioSpecificConfig);
            if (config.SampleRate <= 0 || config.ChannelCount <= 0 || audioSpecificConfig.Length > 64)
            {
                throw new MediaFormatException("The AAC configuration names no sample rate or channel layout MP4 can store.");
            }

            SampleRate = config.SampleRate;
            Channels = config.ChannelCount;
        }

        /// <summary>The AudioSpecificConfig bytes (ISO 14496-3 §1.6.2.1).</summary>
        public byte[] AudioSpecificConfig { get; }

        /// <summary>Samples per second.</summary>
        public int SampleRate { get; }

        /// <summary>Channel count.</summary>
        public int Channels { get; }

        /// <inheritdoc />
        public override uint Timescale => (uint)SampleRate;

        /// <inheritdoc />
        public override bool IsAudio => true;
    }
}
