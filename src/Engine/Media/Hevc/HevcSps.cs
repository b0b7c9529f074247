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

        /// <summary>The picture duration the VUI timing info gives, when it gives one.</summary>
        public TimeSpan? FrameDuration { get; private set; }

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
            sps.FrameDuration = FrameDurationFromVui(ref reader, maxSubLayersMinus1, sps.Log2MaxPicOrderCntLsb);
            return sps;
        }

        // §7.3.2.2.1 from sps_sub_layer_ordering_info_present_flag to the VUI timing info (§E.2.1);
        // a stream cut short or without timing gives none.
        private static TimeSpan? FrameDurationFromVui(ref BitReader reader, int maxSubLayersMinus1, int log2MaxPocLsb)
        {
            try
            {
                bool orderingForEach = reader.ReadFlag();
                for (int i = orderingForEach ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++)
                {
                    reader.ReadUe();
                    reader.ReadUe();
                    reader.ReadUe();
                }

                for (int i = 0; i < 6; i++)
                {
                    reader.ReadUe(); // coding and transform block sizes, transform hierarchy depths
                }

                if (reader.ReadFlag() && reader.ReadFlag())
                {
                    SkipScalingListData(ref reader);
                }

                reader.Skip(2); // amp_enabled_flag, sample_adaptive_offset_enabled_flag
                if (reader.ReadFlag())
                {
                    reader.Skip(8); // pcm sample bit depths
                    reader.ReadUe();
                    reader.ReadUe();
                    reader.Skip(1);
                }

                uint sets = reader.ReadUe(64, "num_short_term_ref_pic_sets");
                var deltaPocs = new int[sets];
                for (int i = 0; i < sets; i++)
                {
                    deltaPocs[i] = SkipShortTermRefPicSet(ref reader, i, deltaPocs);
                }

                if (reader.ReadFlag())
                {
                    uint longTerm = reader.ReadUe(32, "num_long_term_ref_pics_sps");
                    reader.Skip(longTerm * (log2MaxPocLsb + 1));
                }

                reader.Skip(2); // sps_temporal_mvp_enabled_flag, strong_intra_smoothing_enabled_flag
                if (!reader.ReadFlag())
                {
                    return null;
                }

                FrameDurations.SkipVuiStart(ref reader);

                reader.Skip(3); // neutral_chroma_indication_flag, field_seq_flag, frame_field_info_present_flag
                if (reader.ReadFlag())
                {
                    for (int i = 0; i < 4; i++)
                    {
                        reader.ReadUe(); // default display window offsets
                    }
                }

                if (!reader.ReadFlag())
                {
                    return null;
                }

                uint unitsInTick = reader.ReadBits(32);
                uint timeScale = reader.ReadBits(32);

                // §E.3.1: a frame-coded picture lasts one clock tick.
                return FrameDurations.Plausible((double)unitsInTick / timeScale);
            }
            catch (MediaFormatException)
            {
                return null;
            }
        }

        // §7.3.4 scaling_list_data().
        private static void SkipScalingListData(ref BitReader reader)
        {
            for (int sizeId = 0; sizeId < 4; sizeId++)
            {
                for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1)
                {
                    if (!reader.ReadFlag())
                    {
                        reader.ReadUe(); // scaling_list_pred_matrix_id_delta
                        continue;
                    }

                    int coefficients = Math.Min(64, 1 << (4 + (sizeId << 1)));
                    if (sizeId > 1)
                    {
                        reader.ReadSe(); // scaling_list_dc_coef_minus8
                    }

                    for (int i = 0; i < coefficients; i++)
                    {
                        reader.ReadSe();
                    }
                }
            }
        }

        // §7.3.7 st_ref_pic_set(idx) as it appears in an SPS; returns NumDeltaPocs[idx] (§7.4.8).
        private static int SkipShortTermRefPicSet(ref BitReader reader, int index, int[] deltaPocs)
        {
            if (index != 0 && reader.ReadFlag())
            {
                reader.Skip(1); // delta_rps_sign
                reader.ReadUe(); // abs_delta_rps_minus1
                int count = 0;
                for (int j = 0; j <= deltaPocs[index - 1]; j++)
                {
                    bool used = reader.ReadFlag();
                    if (used || reader.ReadFlag())
                    {
                        count++;
                    }
                }

                return count;
            }

            uint negative = reader.ReadUe(16, "num_negative_pics");
            uint positive = reader.ReadUe(16, "num_positive_pics");
            for (uint i = 0; i < negative + positive; i++)
            {
                reader.ReadUe(); // delta_poc_s0/s1_minus1
                reader.Skip(1); // used_by_curr_pic_s0/s1_flag
            }

            return (int)(negative + positive);
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
