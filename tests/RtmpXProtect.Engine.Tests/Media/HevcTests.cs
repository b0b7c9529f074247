using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Hevc;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class HevcTests
    {
        [Theory]
        [InlineData(HevcSps720, "Main", "3.1", 1280, 720, 8)]
        [InlineData(HevcSps1080, "Main", "4.0", 1920, 1080, 8)]
        [InlineData(HevcSpsMain10, "Main 10", "4.0", 1920, 1080, 10)]
        public void Parses_x265_sps(string hex, string profile, string level, int width, int height, int bitDepth)
        {
            var sps = HevcSps.Parse(Hex(hex));
            Assert.Equal(profile, sps.ProfileName);
            Assert.Equal(level, sps.LevelName);
            Assert.Equal(width, sps.Width);
            Assert.Equal(height, sps.Height);
            Assert.Equal(bitDepth, sps.BitDepthLuma);
            Assert.Equal(1, sps.ChromaFormatIdc);
        }

        [Fact]
        public void Skips_sub_layer_profile_and_level_fields()
        {
            var nal = new TestBitstream()
                .Bits(0, 4).Bits(2, 3).Flag(true) // vps 0, three sub-layers
                .Bits(0, 2).Flag(true).Bits(2, 5).Bits(0x20000000, 32).Bits(0x900000000000, 48).Bits(153, 8) // High tier Main 10 @5.1
                .Flag(true).Flag(true).Flag(false).Flag(true)
                .Bits(0, 12) // reserved_zero_2bits for sub-layers 2..7
                .Bits(0x5A5A5A, 24).Bits(0xA5A5A5A5, 32).Bits(0x5A5A5A5A, 32).Bits(0xFF, 8) // sub-layer 0 profile (88) + level
                .Bits(0xFF, 8) // sub-layer 1 level
                .Ue(0).Ue(1).Ue(3840).Ue(2176)
                .Flag(true).Ue(0).Ue(0).Ue(0).Ue(8) // crop 16 lines
                .Ue(2).Ue(2)
                .ToNal(0x42, 0x01);
            var sps = HevcSps.Parse(nal);
            Assert.Equal(3, sps.MaxSubLayers);
            Assert.True(sps.TierFlag);
            Assert.Equal(2, sps.ProfileIdc);
            Assert.Equal(0x900000000000UL, sps.ConstraintIndicatorFlags);
            Assert.Equal("5.1", sps.LevelName);
            Assert.Equal(3840, sps.Width);
            Assert.Equal(2160, sps.Height);
            Assert.Equal(10, sps.BitDepthChroma);
        }

        [Fact]
        public void Parses_the_hvcc_ffmpeg_writes_with_its_sei_array()
        {
            var record = HevcDecoderConfigurationRecord.Parse(Hex(HevcRecord1080), WireLimits.Default);
            Assert.Equal(1, record.GeneralProfileIdc);
            Assert.False(record.GeneralTierFlag);
            Assert.Equal(120, record.GeneralLevelIdc);
            Assert.Equal(4, record.NalLengthSize);
            Assert.Equal(new[] { 32, 33, 34, 39 }, Array.ConvertAll(ToArray(record), a => a.NalType));
            Assert.Equal(Hex(HevcSps1080), record.Arrays[1].Units[0]);
            Assert.Equal(1920, record.Width);
            Assert.Equal(1080, record.Height);
            Assert.Equal("Main", record.ProfileName);
            Assert.Equal("4.0", record.LevelName);
        }

        [Fact]
        public void Round_trips_the_ffmpeg_record_byte_for_byte()
        {
            var bytes = Hex(HevcRecord1080);
            Assert.Equal(bytes, HevcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default).ToBytes());
        }

        [Fact]
        public void Creates_a_record_from_vps_sps_pps_that_matches_ffmpeg_header_fields()
        {
            var created = HevcDecoderConfigurationRecord.Create(Hex(HevcVps720), Hex(HevcSps1080), Hex(HevcPps));
            var parsed = HevcDecoderConfigurationRecord.Parse(created.ToBytes(), WireLimits.Default);
            var ffmpeg = HevcDecoderConfigurationRecord.Parse(Hex(HevcRecord1080), WireLimits.Default);
            Assert.Equal(ffmpeg.GeneralProfileCompatibilityFlags, parsed.GeneralProfileCompatibilityFlags);
            Assert.Equal(ffmpeg.GeneralConstraintIndicatorFlags, parsed.GeneralConstraintIndicatorFlags);
            Assert.Equal(ffmpeg.GeneralLevelIdc, parsed.GeneralLevelIdc);
            Assert.Equal(ffmpeg.ChromaFormat, parsed.ChromaFormat);
            Assert.Equal(3, parsed.Arrays.Count);
            Assert.Equal(1920, parsed.Width);
            Assert.Equal(4, parsed.NalLengthSize);
        }

        [Fact]
        public void Create_rejects_swapped_nal_units()
        {
            Assert.Throws<ArgumentException>(() => HevcDecoderConfigurationRecord.Create(Hex(HevcSps720), Hex(HevcVps720), Hex(HevcPps)));
        }

        [Fact]
        public void Parameter_sets_above_the_limit_are_rejected()
        {
            var bytes = Hex(HevcRecord1080);
            var limits = new WireLimits { MaxParameterSets = 3 };
            Assert.Throws<MediaFormatException>(() => HevcDecoderConfigurationRecord.Parse(bytes, limits));

            var header = bytes.AsSpan(0, 23).ToArray();
            header[22] = 255;
            Assert.Throws<MediaFormatException>(() => HevcDecoderConfigurationRecord.Parse(header, WireLimits.Default));

            var manyUnits = new byte[26];
            bytes.AsSpan(0, 22).CopyTo(manyUnits);
            manyUnits[22] = 1;
            manyUnits[23] = 0xA0;
            manyUnits[24] = 0xFF;
            manyUnits[25] = 0xFF;
            Assert.Throws<MediaFormatException>(() => HevcDecoderConfigurationRecord.Parse(manyUnits, WireLimits.Default));
        }

        [Fact]
        public void Nal_length_size_3_is_invalid()
        {
            var bytes = Hex(HevcRecord1080);
            bytes[21] = (byte)((bytes[21] & 0xFC) | 2);
            Assert.Throws<MediaFormatException>(() => HevcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default));
        }

        [Fact]
        public void Every_truncation_throws_the_documented_exception()
        {
            var bytes = Hex(HevcRecord1080);
            for (int length = 0; length < bytes.Length; length++)
            {
                Assert.Throws<MediaFormatException>(() => HevcDecoderConfigurationRecord.Parse(bytes.AsSpan(0, length), WireLimits.Default));
            }

            var sps = Hex(HevcSps720);
            for (int length = 0; length < 20; length++)
            {
                Assert.Throws<MediaFormatException>(() => HevcSps.Parse(sps.AsSpan(0, length)));
            }
        }

        private static HevcParameterSetArray[] ToArray(HevcDecoderConfigurationRecord record)
        {
            var arrays = new HevcParameterSetArray[record.Arrays.Count];
            for (int i = 0; i < arrays.Length; i++)
            {
                arrays[i] = record.Arrays[i];
            }

            return arrays;
        }
    }
}
