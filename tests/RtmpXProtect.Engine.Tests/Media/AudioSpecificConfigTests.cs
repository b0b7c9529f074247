using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class AudioSpecificConfigTests
    {
        [Fact]
        public void Parses_ffmpeg_48k_stereo_with_its_sync_extension()
        {
            var config = AudioSpecificConfig.Parse(new byte[] { 0x11, 0x90, 0x56, 0xE5, 0x00 });
            Assert.Equal(2, config.ObjectType);
            Assert.Equal(3, config.SamplingFrequencyIndex);
            Assert.Equal(48000, config.SampleRate);
            Assert.Equal(2, config.ChannelConfiguration);
            Assert.Equal("AAC-LC 48000 Hz stereo", config.ToString());
        }

        [Fact]
        public void Parses_44k_mono()
        {
            Assert.Equal("AAC-LC 44100 Hz mono", AudioSpecificConfig.Parse(new byte[] { 0x12, 0x08 }).ToString());
        }

        [Fact]
        public void Reads_the_escaped_object_type_and_explicit_rate()
        {
            // objectType 31 + 6 bits (42 - 32 = 10), index 15 + 24-bit 37800, channel config 1.
            var bits = new TestBitstream().Bits(31, 5).Bits(10, 6).Bits(15, 4).Bits(37800, 24).Bits(1, 4);
            var bytes = bits.ToNal();
            var config = AudioSpecificConfig.Parse(bytes);
            Assert.Equal(42, config.ObjectType);
            Assert.Equal(15, config.SamplingFrequencyIndex);
            Assert.Equal(37800, config.SampleRate);
            Assert.Equal(1, config.ChannelCount);
        }

        [Fact]
        public void He_aac_with_explicit_sbr_reports_the_output_rate()
        {
            // SBR (5), core 24 kHz (index 6), stereo, extension 48 kHz (index 3), core AAC-LC.
            var bytes = new TestBitstream().Bits(5, 5).Bits(6, 4).Bits(2, 4).Bits(3, 4).Bits(2, 5).ToNal();
            var config = AudioSpecificConfig.Parse(bytes);
            Assert.Equal(24000, config.SampleRate);
            Assert.Equal(48000, config.ExtensionSampleRate);
            Assert.Equal("HE-AAC 48000 Hz stereo", config.ToString());
        }

        [Theory]
        [InlineData(2, 48000, 2, new byte[] { 0x11, 0x90 })]
        [InlineData(2, 44100, 2, new byte[] { 0x12, 0x10 })]
        [InlineData(2, 44100, 1, new byte[] { 0x12, 0x08 })]
        public void Creates_the_usual_two_byte_configs(int objectType, int rate, int channels, byte[] expected)
        {
            Assert.Equal(expected, AudioSpecificConfig.Create(objectType, rate, channels));
        }

        [Theory]
        [InlineData(2, 48000, 2)]
        [InlineData(2, 7350, 6)]
        [InlineData(1, 22050, 1)]
        [InlineData(42, 37800, 8)]
        [InlineData(2, 96000, 3)]
        public void Create_and_parse_round_trip(int objectType, int rate, int channels)
        {
            var config = AudioSpecificConfig.Parse(AudioSpecificConfig.Create(objectType, rate, channels));
            Assert.Equal(objectType, config.ObjectType);
            Assert.Equal(rate, config.SampleRate);
            Assert.Equal(channels, config.ChannelCount);
        }

        [Fact]
        public void Create_rejects_what_cannot_be_signalled()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => AudioSpecificConfig.Create(0, 48000, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => AudioSpecificConfig.Create(2, 0, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => AudioSpecificConfig.Create(2, 48000, 7));
            Assert.Throws<ArgumentOutOfRangeException>(() => AudioSpecificConfig.Create(2, 48000, 9));
            Assert.Throws<ArgumentException>(() => AudioSpecificConfig.Create(5, 48000, 2));
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0x11 })]
        [InlineData(new byte[] { 0x16, 0x90 })] // index 13 is reserved
        [InlineData(new byte[] { 0x11, 0xC0 })] // channel configuration 8 is reserved
        [InlineData(new byte[] { 0x01, 0x90 })] // object type 0
        [InlineData(new byte[] { 0x17, 0x80, 0x00 })] // explicit rate cut short
        public void Malformed_configs_throw(byte[] bytes)
        {
            Assert.Throws<MediaFormatException>(() => AudioSpecificConfig.Parse(bytes));
        }
    }
}
