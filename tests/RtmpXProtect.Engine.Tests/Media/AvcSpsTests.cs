using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class AvcSpsTests
    {
        [Theory]
        [InlineData(AvcSps720, 100, "High", "3.1", 1280, 720)]
        [InlineData(AvcSps720Brief, 100, "High", "3.1", 1280, 720)]
        [InlineData(AvcSps1080, 100, "High", "4.0", 1920, 1080)]
        [InlineData(AvcSpsBaseline1080, 66, "Constrained Baseline", "4.0", 1920, 1080)]
        [InlineData(AvcSps444, 244, "High 4:4:4 Predictive", "4.0", 1920, 1080)]
        public void Parses_x264_sps_to_displayed_size_profile_and_level(string hex, int profile, string profileName, string level, int width, int height)
        {
            var sps = AvcSps.Parse(Hex(hex));
            Assert.Equal(profile, sps.ProfileIdc);
            Assert.Equal(profileName, sps.ProfileName);
            Assert.Equal(level, sps.LevelName);
            Assert.Equal(width, sps.Width);
            Assert.Equal(height, sps.Height);
        }

        [Fact]
        public void Reads_chroma_format_of_high_444()
        {
            Assert.Equal(3, AvcSps.Parse(Hex(AvcSps444)).ChromaFormatIdc);
            Assert.Equal(1, AvcSps.Parse(Hex(AvcSps720)).ChromaFormatIdc);
            Assert.Equal(1, AvcSps.Parse(Hex(AvcSpsBaseline1080)).ChromaFormatIdc);
        }

        [Fact]
        public void Skips_scaling_lists_to_reach_the_picture_size()
        {
            var bits = new TestBitstream()
                .Bits(100, 8).Bits(0, 8).Bits(40, 8).Ue(0) // High, level 4.0, sps id 0
                .Ue(1).Ue(0).Ue(0).Flag(false) // 4:2:0, 8-bit, no bypass
                .Flag(true); // seq_scaling_matrix_present_flag
            for (int i = 0; i < 8; i++)
            {
                bits.Flag(true);
                int size = i < 6 ? 16 : 64;
                for (int j = 0; j < size; j++)
                {
                    // Varying deltas, and a list that ends early with nextScale 0 (i == 3).
                    bits.Se(i == 3 && j == 0 ? -8 : (j % 2 == 0 ? 3 : -2));
                    if (i == 3)
                    {
                        break;
                    }
                }
            }

            bits.Ue(0).Ue(0).Ue(2) // frame_num, poc type 0, poc lsb
                .Ue(4).Flag(false) // refs, gaps
                .Ue(119).Ue(67) // 120x68 macroblocks
                .Flag(true).Flag(true) // frame_mbs_only, direct_8x8
                .Flag(true).Ue(0).Ue(0).Ue(0).Ue(4) // crop bottom 4 × 2 lines
                .Flag(false); // no VUI
            var sps = AvcSps.Parse(bits.ToNal(0x67));
            Assert.Equal(1920, sps.Width);
            Assert.Equal(1080, sps.Height);
        }

        [Fact]
        public void Interlaced_sps_doubles_map_units_and_crop_unit()
        {
            var nal = new TestBitstream()
                .Bits(77, 8).Bits(0, 8).Bits(30, 8).Ue(0) // Main 3.0
                .Ue(0).Ue(1) // poc type 1
                .Flag(false).Se(0).Se(0).Ue(2).Se(1).Se(-1)
                .Ue(1).Flag(false)
                .Ue(44).Ue(17) // 45 MBs wide, 18 map units (36 MB rows as fields)
                .Flag(false).Flag(false).Flag(true) // field coding, mbaff, direct_8x8
                .Flag(true).Ue(0).Ue(0).Ue(0).Ue(4) // crop 4 × 4 lines
                .Flag(false)
                .ToNal(0x67);
            var sps = AvcSps.Parse(nal);
            Assert.Equal(720, sps.Width);
            Assert.Equal(576 - 16, sps.Height);
        }

        [Fact]
        public void Level_1b_is_named_for_baseline_with_constraint_set3()
        {
            var nal = new TestBitstream().Bits(66, 8).Bits(0x50, 8).Bits(11, 8).Ue(0)
                .Ue(0).Ue(0).Ue(0).Ue(1).Flag(false).Ue(10).Ue(8).Flag(true).Flag(true).Flag(false).Flag(false)
                .ToNal(0x67);
            var sps = AvcSps.Parse(nal);
            Assert.Equal("1b", sps.LevelName);
            Assert.Equal("Constrained Baseline", sps.ProfileName);
            Assert.Equal(176, sps.Width);
            Assert.Equal(144, sps.Height);
        }

        [Fact]
        public void Rejects_a_nal_that_is_not_an_sps()
        {
            Assert.Throws<MediaFormatException>(() => AvcSps.Parse(Hex(AvcPps)));
            Assert.Throws<MediaFormatException>(() => AvcSps.Parse(new byte[] { 0x67 }));
        }

        [Fact]
        public void Rejects_cropping_that_leaves_no_picture()
        {
            var nal = new TestBitstream().Bits(66, 8).Bits(0, 8).Bits(30, 8).Ue(0)
                .Ue(0).Ue(0).Ue(0).Ue(1).Flag(false).Ue(0).Ue(0).Flag(true).Flag(true)
                .Flag(true).Ue(8).Ue(8).Ue(0).Ue(0).Flag(false)
                .ToNal(0x67);
            Assert.Throws<MediaFormatException>(() => AvcSps.Parse(nal));
        }

        [Fact]
        public void Rejects_an_absurd_picture_width()
        {
            var nal = new TestBitstream().Bits(66, 8).Bits(0, 8).Bits(30, 8).Ue(0)
                .Ue(0).Ue(0).Ue(0).Ue(1).Flag(false).Ue(100000).Ue(0).Flag(true).Flag(true).Flag(false).Flag(false)
                .ToNal(0x67);
            Assert.Throws<MediaFormatException>(() => AvcSps.Parse(nal));
        }

        [Fact]
        public void Every_truncation_of_a_real_sps_fails_cleanly_or_still_reads_the_size()
        {
            var full = Hex(AvcSps1080);
            for (int length = 0; length < full.Length; length++)
            {
                try
                {
                    // Once the crop fields are in, a cut only loses VUI, which the parser does not read.
                    var sps = AvcSps.Parse(full.AsSpan(0, length));
                    Assert.True(length > 8);
                    Assert.Equal(1920, sps.Width);
                    Assert.Equal(1080, sps.Height);
                }
                catch (MediaFormatException)
                {
                }
            }

            Assert.Throws<MediaFormatException>(() => AvcSps.Parse(full.AsSpan(0, 6)));
        }
    }
}
