using System;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Media.Hevc
{
    /// <summary>
    /// The fields of an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2) up to the bit
    /// depths: profile/tier/level, chroma format and the displayed picture size.
    /// </summary>
    public sealed class HevcSps
    {
        private const int SpsNalType = 33;

        // Level 6.2 allows 35,651,584 luma samples: about 16,888 per side at 8:1.
        private const uint MaxSide = 32768;

        private HevcSps()
        {
        }

        /// <summary>general_profile_space (0 for every profile in use).</summary>
        public int ProfileSpace { get; private set; }

        /// <summary>general_tier_flag: false Main tier, true High tier.</summary>
        public bool TierFlag { get; private set; }

        /// <summary>general_profile_idc (1 Main, 2 Main 10, 4 Range Extensions, …).</summary>
        public int ProfileIdc { get; private set; }

        /// <summary>general_profile_compatibility_flag[0..31], flag 0 in the top bit.</summary>
        public uint ProfileCompatibilityFlags { get; private set; }

        /// <summary>The 48 bits from general_progressive_source_flag to general_inbld_flag, as hvcC stores them.</summary>
        public ulong ConstraintIndicatorFlags { get; private set; }

        /// <summary>general_level_idc, thirty times the level number (93 = level 3.1).</summary>
        public int LevelIdc { get; private set; }

        /// <summary>sps_max_sub_layers_minus1 + 1.</summary>
        public int MaxSubLayers { get; private set; }

        /// <summary>sps_temporal_id_nesting_flag.</summary>
        public bool TemporalIdNesting { get; private set; }

        /// <summary>chroma_format_idc: 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4.</summary>
        public int ChromaFormatIdc { get; private set; }

        /// <summary>Luma bit depth.</summary>
        public int BitDepthLuma { get; private set; }

        /// <summary>Chroma bit depth.</summary>
        public int BitDepthChroma { get; private set; }

        /// <summary>Displayed width in pixels, after the conformance window.</summary>
        public int Width { get; private set; }

        /// <summary>Displayed height in pixels, after the conformance window.</summary>
        public int Height { get; private set; }

        /// <summary>sps_seq_parameter_set_id, which picture parameter sets refer to.</summary>
        public int SpsId { get; private set; }

        /// <summary>separate_colour_plane_flag: slices then carry colour_plane_id.</summary>
        public bool SeparateColourPlane { get; private set; }

        /// <summary>Bits of slice_pic_order_cnt_lsb (log2_max_pic_order_cnt_lsb_minus4 + 4).</summary>
        public int Log2MaxPicOrderCntLsb { get; private set; }

        /// <summary>The profile's name ("Main", "Main 10", …).</summary>
        public string ProfileName => HevcProfile.Name(ProfileIdc);

        /// <summary>The level as printed ("3.1", "4.0").</summary>
        public string LevelName => HevcProfile.LevelName(LevelIdc);

        /// <summary>
        /// Parses an SPS NAL unit (2-byte header included, emulation prevention bytes still in).
        /// Throws <see cref="MediaFormatException"/> when it is not an SPS, is cut short or holds
        /// out-of-range values.
        /// </summary>
        public static HevcSps Parse(ReadOnlySpan<byte> nal)
        {
            if (nal.Length < 3 || ((nal[0] >> 1) & 0x3F) != SpsNalType)
            {
                throw new MediaFormatException("Not an H.265 sequence parameter set.");
            }

            var sps = new HevcSps();
            var reader = new BitReader(EmulationPrevention.Remove(nal.Slice(2)));
            reader.ReadBits(4); // sps_video_parameter_set_id
            int maxSubLayersMinus1 = (int)reader.ReadBits(3);
            if (maxSubLayersMinus1 > 6)
            {
                throw new MediaFormatException("sps_max_sub_layers_minus1 is 7, above its maximum 6.");
            }

            sps.MaxSubLayers = maxSubLayersMinus1 + 1;
            sps.TemporalIdNesting = reader.ReadFlag();
            ReadProfileTierLevel(ref reader, maxSubLayersMinus1, sps);

            sps.SpsId = (int)reader.ReadUe(15, "sps_seq_parameter_set_id");
            sps.ChromaFormatIdc = (int)reader.ReadUe(3, "chroma_format_idc");
            bool separateColourPlane = sps.ChromaFormatIdc == 3 && reader.ReadFlag();
            sps.SeparateColourPlane = separateColourPlane;
            uint width = reader.ReadUe(MaxSide, "pic_width_in_luma_samples");
            uint height = reader.ReadUe(MaxSide, "pic_height_in_luma_samples");
            long left = 0, right = 0, top = 0, bottom = 0;
            if (reader.ReadFlag())
            {
                left = reader.ReadUe();
                right = reader.ReadUe();
                top = reader.ReadUe();
                bottom = reader.ReadUe();
            }

            sps.BitDepthLuma = (int)reader.ReadUe(8, "bit_depth_luma_minus8") + 8;
            sps.BitDepthChroma = (int)reader.ReadUe(8, "bit_depth_chroma_minus8") + 8;
            sps.Log2MaxPicOrderCntLsb = (int)reader.ReadUe(12, "log2_max_pic_order_cnt_lsb_minus4") + 4;

            // Table 6-1: conformance window offsets are in chroma sample units.
            int chromaArrayType = separateColourPlane ? 0 : sps.ChromaFormatIdc;
            int subWidth = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeight = chromaArrayType == 1 ? 2 : 1;
            long displayWidth = width - (subWidth * (left + right));
            long displayHeight = height - (subHeight * (top + bottom));
            if (displayWidth <= 0 || displayHeight <= 0)
            {
                throw new MediaFormatException("Conformance window leaves no picture.");
            }

            sps.Width = (int)displayWidth;
            sps.Height = (int)displayHeight;
            return sps;
        }

        // §7.3.3 with profilePresentFlag = 1.
        private static void ReadProfileTierLevel(ref BitReader reader, int maxSubLayersMinus1, HevcSps sps)
        {
            sps.ProfileSpace = (int)reader.ReadBits(2);
            sps.TierFlag = reader.ReadFlag();
            sps.ProfileIdc = (int)reader.ReadBits(5);
            sps.ProfileCompatibilityFlags = reader.ReadBits(32);
            sps.ConstraintIndicatorFlags = ((ulong)reader.ReadBits(16) << 32) | reader.ReadBits(32);
            sps.LevelIdc = (int)reader.ReadBits(8);

            var profilePresent = new bool[8];
            var levelPresent = new bool[8];
            for (int i = 0; i < maxSubLayersMinus1; i++)
            {
                profilePresent[i] = reader.ReadFlag();
                levelPresent[i] = reader.ReadFlag();
            }

            if (maxSubLayersMinus1 > 0)
            {
                reader.Skip(2 * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
            }

            for (int i = 0; i < maxSubLayersMinus1; i++)
            {
                if (profilePresent[i])
                {
                    reader.Skip(88);
                }

                if (levelPresent[i])
                {
                    reader.Skip(8);
                }
            }
        }
    }
}
