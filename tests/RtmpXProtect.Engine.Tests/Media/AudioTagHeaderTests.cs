using RtmpXProtect.Engine.Media;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class AudioTagHeaderTests
    {
        [Fact]
        public void Reads_the_aac_sequence_header_ffmpeg_sends()
        {
            var header = AudioTagHeader.Parse(Hex(AacSequenceHeaderTag48kStereo));
            Assert.Equal(AudioCodec.Aac, header.Codec);
            Assert.Equal(3, header.SampleRateIndex);
            Assert.True(header.Is16Bit);
            Assert.True(header.IsStereo);
            Assert.True(header.IsSequenceHeader);
            Assert.True(header.IsAacSequenceHeader);
            Assert.Equal(2, header.DataOffset);
        }

        [Fact]
        public void Aac_raw_frames_are_not_sequence_headers()
        {
            var header = AudioTagHeader.Parse(new byte[] { 0xAF, 0x01, 0x21 });
            Assert.False(header.IsSequenceHeader);
            Assert.False(header.IsAacSequenceHeader);
            Assert.Equal(2, header.DataOffset);
        }

        [Theory]
        [InlineData(0x2E, AudioCodec.Mp3, 3, true, false)]
        [InlineData(0x72, AudioCodec.G711A, 0, true, false)]
        [InlineData(0x82, AudioCodec.G711U, 0, true, false)]
        [InlineData(0xB6, AudioCodec.Speex, 1, true, false)]
        [InlineData(0x05, AudioCodec.LinearPcmPlatform, 1, false, true)]
        public void Reads_legacy_format_bits(byte first, AudioCodec codec, int rate, bool is16Bit, bool stereo)
        {
            var header = AudioTagHeader.Parse(new[] { first, (byte)0 });
            Assert.Equal(codec, header.Codec);
            Assert.Equal(rate, header.SampleRateIndex);
            Assert.Equal(is16Bit, header.Is16Bit);
            Assert.Equal(stereo, header.IsStereo);
            Assert.False(header.IsSequenceHeader);
            Assert.Equal(1, header.DataOffset);
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0xAF })]
        [InlineData(new byte[] { 0xAF, 0x02 })]
        [InlineData(new byte[] { 0xC0, 0x00 })]
        [InlineData(new byte[] { 0xD0, 0x00 })]
        [InlineData(new byte[] { 0x90, 0x4F, 0x70 })]
        [InlineData(new byte[] { 0x97, 0x05 })]
        public void Short_or_malformed_bodies_are_refused(byte[] body)
        {
            Assert.False(AudioTagHeader.TryParse(body, out _));
            Assert.Throws<MediaFormatException>(() => AudioTagHeader.Parse(body));
        }

        [Theory]
        [InlineData(FourCc.Opus)]
        [InlineData(FourCc.Flac)]
        [InlineData(FourCc.Ac3)]
        [InlineData(FourCc.Ec3)]
        [InlineData(FourCc.Mp3)]
        [InlineData(FourCc.Mp4a)]
        public void Enhanced_sequence_start_reads_fourcc_and_data_offset(uint fourCc)
        {
            var body = new byte[] { 0x90, (byte)(fourCc >> 24), (byte)(fourCc >> 16), (byte)(fourCc >> 8), (byte)fourCc, 0x11 };
            var header = AudioTagHeader.Parse(body);
            Assert.True(header.IsEnhanced);
            Assert.True(header.IsSequenceHeader);
            Assert.Equal(fourCc == FourCc.Mp4a, header.IsAacSequenceHeader);
            Assert.Equal(fourCc, header.FourCc);
            Assert.Equal(5, header.DataOffset);
        }

        [Fact]
        public void Enhanced_coded_frames_are_not_sequence_headers()
        {
            var header = AudioTagHeader.Parse(new byte[] { 0x91, 0x4F, 0x70, 0x75, 0x73, 0x01 });
            Assert.False(header.IsSequenceHeader);
            Assert.Equal(FourCc.Opus, header.FourCc);
        }

        [Fact]
        public void Enhanced_modex_and_multitrack_are_walked()
        {
            var modEx = AudioTagHeader.Parse(new byte[] { 0x97, 0x00, 0xAA, 0x00, 0x66, 0x4C, 0x61, 0x43 });
            Assert.True(modEx.IsSequenceHeader);
            Assert.Equal(FourCc.Flac, modEx.FourCc);
            Assert.Equal(8, modEx.DataOffset);

            var multitrack = AudioTagHeader.Parse(new byte[] { 0x95, 0x01, 0x4F, 0x70, 0x75, 0x73, 0x00 });
            Assert.Equal(FourCc.Opus, multitrack.FourCc);
            Assert.False(multitrack.IsSequenceHeader);
            Assert.Equal(6, multitrack.DataOffset);
        }
    }
}
