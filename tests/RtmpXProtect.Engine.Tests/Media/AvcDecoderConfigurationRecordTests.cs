using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class AvcDecoderConfigurationRecordTests
    {
        private static byte[] FfmpegRecord => Hex(AvcSequenceHeaderTag720).AsSpan(5).ToArray();

        [Fact]
        public void Parses_the_record_ffmpeg_sends()
        {
            var record = AvcDecoderConfigurationRecord.Parse(FfmpegRecord, WireLimits.Default);
            Assert.Equal(100, record.ProfileIndication);
            Assert.Equal(0, record.ProfileCompatibility);
            Assert.Equal(31, record.LevelIndication);
            Assert.Equal(4, record.NalLengthSize);
            Assert.Equal(Hex(AvcSps720), Assert.Single(record.Sps));
            Assert.Equal(Hex(AvcPps), Assert.Single(record.Pps));
        }

        [Fact]
        public void Round_trips_including_the_high_profile_extension()
        {
            var bytes = FfmpegRecord;
            Assert.Equal(bytes, AvcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default).ToBytes());
        }

        [Fact]
        public void Creates_a_record_from_sps_and_pps_that_parses_back()
        {
            var created = AvcDecoderConfigurationRecord.Create(Hex(AvcSps720), Hex(AvcPps));
            Assert.Equal(4, created.NalLengthSize);
            var parsed = AvcDecoderConfigurationRecord.Parse(created.ToBytes(), WireLimits.Default);
            Assert.Equal(100, parsed.ProfileIndication);
            Assert.Equal(31, parsed.LevelIndication);
            Assert.Equal(Hex(AvcSps720), parsed.Sps[0]);
            Assert.Equal(Hex(AvcPps), parsed.Pps[0]);
            Assert.Equal(FfmpegRecord.AsSpan(0, 6 + 2 + 26 + 1 + 2 + 6).ToArray(), created.ToBytes());
        }

        [Fact]
        public void Create_rejects_nal_units_of_the_wrong_type()
        {
            Assert.Throws<ArgumentException>(() => AvcDecoderConfigurationRecord.Create(Hex(AvcPps), Hex(AvcPps)));
            Assert.Throws<ArgumentException>(() => AvcDecoderConfigurationRecord.Create(Hex(AvcSps720), Hex(AvcSps720)));
        }

        [Theory]
        [InlineData(0xFC, 1)]
        [InlineData(0xFD, 2)]
        [InlineData(0xFF, 4)]
        public void Reads_nal_length_size(byte field, int expected)
        {
            var bytes = FfmpegRecord;
            bytes[4] = field;
            Assert.Equal(expected, AvcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default).NalLengthSize);
        }

        [Fact]
        public void Nal_length_size_3_is_invalid()
        {
            var bytes = FfmpegRecord;
            bytes[4] = 0xFE;
            Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default));
        }

        [Fact]
        public void Rejects_a_version_other_than_1()
        {
            var bytes = FfmpegRecord;
            bytes[0] = 0;
            Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default));
        }

        [Fact]
        public void Parameter_set_count_above_the_limit_is_rejected_before_reading_them()
        {
            var limits = new WireLimits { MaxParameterSets = 4 };
            var bytes = new byte[] { 1, 100, 0, 31, 0xFF, 0xE0 | 31, 0, 0 };
            var error = Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(bytes, limits));
            Assert.Contains("limit", error.Message);

            var ppsHeavy = new byte[] { 1, 100, 0, 31, 0xFF, 0xE0, 255 };
            Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(ppsHeavy, limits));
        }

        [Fact]
        public void A_parameter_set_length_past_the_end_is_rejected()
        {
            var bytes = new byte[] { 1, 100, 0, 31, 0xFF, 0xE1, 0xFF, 0xFF, 0x67, 0x64 };
            Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default));
        }

        [Fact]
        public void Every_truncation_throws_the_documented_exception()
        {
            var bytes = FfmpegRecord;

            // Up to the end of the PPS the record is incomplete; after it only the optional extension is cut.
            int corePart = 6 + 2 + 26 + 1 + 2 + 6;
            for (int length = 0; length < corePart; length++)
            {
                Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(bytes.AsSpan(0, length), WireLimits.Default));
            }
        }
    }
}
