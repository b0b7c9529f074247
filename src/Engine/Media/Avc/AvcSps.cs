using System;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Media.Avc
{
    /// <summary>
    /// The fields of an H.264 sequence parameter set (ISO 14496-10 §7.3.2.1.1) that describe a
    /// stream: profile, level, chroma format and the displayed picture size.
    /// </summary>
    public sealed class AvcSps
    {
        private const int SpsNalType = 7;

        // The largest picture any H.264 level allows is 139,264 macroblocks (level 6.2); a
        // dimension beyond 16384 pixels is treated as malformed rather than trusted.
        private const uint MaxMacroblocksPerSide = 16384 / 16;

        private AvcSps(int profileIdc, int constraintFlags, int levelIdc, int chromaFormatIdc, int bitDepthLuma, int width, int height)
        {
            ProfileIdc = profileIdc;
            ConstraintFlags = constraintFlags;
            LevelIdc = levelIdc;
            ChromaFormatIdc = chromaFormatIdc;
            BitDepthLuma = bitDepthLuma;
            Width = width;
            Height = height;
        }

        /// <summary>profile_idc (66 Baseline, 77 Main, 100 High, …).</summary>
        public int ProfileIdc { get; }

        /// <summary>The constraint_set0..5 flags byte as sent (set0 is bit 0x80).</summary>
        public int ConstraintFlags { get; }

        /// <summary>level_idc, ten times the level number (31 = level 3.1).</summary>
        public int LevelIdc { get; }

        /// <summary>chroma_format_idc: 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4 (1 when the profile cannot signal it).</summary>
        public int ChromaFormatIdc { get; }

        /// <summary>Luma bit depth (8 unless a high profile says otherwise).</summary>
        public int BitDepthLuma { get; }

        /// <summary>Displayed width in pixels, after frame cropping.</summary>
        public int Width { get; }

        /// <summary>Displayed height in pixels, after frame cropping and field/frame coding.</summary>
        public int Height { get; }

        /// <summary>seq_parameter_set_id, which picture parameter sets refer to.</summary>
        public int SpsId { get; private set; }

        /// <summary>Bits of frame_num in a slice header (log2_max_frame_num_minus4 + 4).</summary>
        public int Log2MaxFrameNum { get; private set; }

        /// <summary>pic_order_cnt_type: 0 (lsb in each slice), 1 (cycle) or 2 (output order is decode order).</summary>
        public int PicOrderCntType { get; private set; }

        /// <summary>Bits of pic_order_cnt_lsb in a slice header, for <see cref="PicOrderCntType"/> 0.</summary>
        public int Log2MaxPicOrderCntLsb { get; private set; }

        /// <summary>frame_mbs_only_flag: false when slices may code fields.</summary>
        public bool FrameMbsOnly { get; private set; }

        /// <summary>separate_colour_plane_flag: slices then carry colour_plane_id.</summary>
        public bool SeparateColourPlane { get; private set; }

        /// <summary>The frame duration the VUI timing info gives, when it gives one.</summary>
        public TimeSpan? FrameDuration { get; private set; }

        /// <summary>The profile's name as encoders and players print it ("High", "Constrained Baseline").</summary>
        public string ProfileName => AvcProfile.Name(ProfileIdc, ConstraintFlags);

        /// <summary>The level as printed ("3.1", "1b").</summary>
        public string LevelName => AvcProfile.LevelName(ProfileIdc, ConstraintFlags, LevelIdc);

        /// <summary>
        /// Parses an SPS NAL unit (its header byte included, emulation prevention bytes still in).
        /// Throws <see cref="MediaFormatException"/> when it is not an SPS, is cut short or holds
        /// out-of-range values.
        /// </summary>
        public static AvcSps Parse(ReadOnlySpan<byte> nal)
        {
            if (nal.Length < 4 || (nal[0] & 0x1F) != SpsNalType)
            {
                throw new MediaFormatException("Not an H.264 sequence parameter set.");
            }

            var reader = new BitReader(EmulationPrevention.Remove(nal.Slice(1)));
            int profileIdc = (int)reader.ReadBits(8);
            int constraintFlags = (int)reader.ReadBits(8);
            int levelIdc = (int)reader.ReadBits(8);
            int spsId = (int)reader.ReadUe(31, "seq_parameter_set_id");

            int chromaFormatIdc = 1;
            bool separateColourPlane = false;
            int bitDepthLuma = 8;
            if (AvcProfile.HasChromaFormat(profileIdc))
            {
                chromaFormatIdc = (int)reader.ReadUe(3, "chroma_format_idc");
                if (chromaFormatIdc == 3)
                {
                    separateColourPlane = reader.ReadFlag();
                }

                bitDepthLuma = (int)reader.ReadUe(6, "bit_depth_luma_minus8") + 8;
                reader.ReadUe(6, "bit_depth_chroma_minus8");
                reader.ReadFlag(); // qpprime_y_zero_transform_bypass_flag
                if (reader.ReadFlag())
                {
                    SkipScalingMatrix(ref reader, chromaFormatIdc == 3 ? 12 : 8);
                }
            }

            int log2MaxFrameNum = (int)reader.ReadUe(12, "log2_max_frame_num_minus4") + 4;
            uint pocType = reader.ReadUe(2, "pic_order_cnt_type");
            int log2MaxPocLsb = 0;
            if (pocType == 0)
            {
                log2MaxPocLsb = (int)reader.ReadUe(12, "log2_max_pic_order_cnt_lsb_minus4") + 4;
            }
            else if (pocType == 1)
            {
                reader.ReadFlag(); // delta_pic_order_always_zero_flag
                reader.ReadSe(); // offset_for_non_ref_pic
                reader.ReadSe(); // offset_for_top_to_bottom_field
                uint cycle = reader.ReadUe(255, "num_ref_frames_in_pic_order_cnt_cycle");
                for (uint i = 0; i < cycle; i++)
                {
                    reader.ReadSe();
                }
            }

            reader.ReadUe(); // max_num_ref_frames
            reader.ReadFlag(); // gaps_in_frame_num_value_allowed_flag
            uint widthMbs = reader.ReadUe(MaxMacroblocksPerSide - 1, "pic_width_in_mbs_minus1") + 1;
            uint heightMapUnits = reader.ReadUe(MaxMacroblocksPerSide - 1, "pic_height_in_map_units_minus1") + 1;
            bool frameMbsOnly = reader.ReadFlag();
            if (!frameMbsOnly)
            {
                reader.ReadFlag(); // mb_adaptive_frame_field_flag
            }

            reader.ReadFlag(); // direct_8x8_inference_flag
            long cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
            if (reader.ReadFlag())
            {
                cropLeft = reader.ReadUe();
                cropRight = reader.ReadUe();
                cropTop = reader.ReadUe();
                cropBottom = reader.ReadUe();
            }

            // §7.4.2.1.1: crop units depend on ChromaArrayType and field coding.
            int fieldFactor = frameMbsOnly ? 1 : 2;
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int cropUnitX = chromaArrayType == 0 ? 1 : (chromaArrayType == 3 ? 1 : 2);
            int cropUnitY = (chromaArrayType == 0 ? 1 : (chromaArrayType == 1 ? 2 : 1)) * fieldFactor;
            long width = (widthMbs * 16L) - (cropUnitX * (cropLeft + cropRight));
            long height = (heightMapUnits * 16L * fieldFactor) - (cropUnitY * (cropTop + cropBottom));
            if (width <= 0 || height <= 0)
            {
                throw new MediaFormatException("Frame cropping leaves no picture.");
            }

            return new AvcSps(profileIdc, constraintFlags, levelIdc, chromaFormatIdc, bitDepthLuma, (int)width, (int)height)
            {
                SpsId = spsId,
                Log2MaxFrameNum = log2MaxFrameNum,
                PicOrderCntType = (int)pocType,
                Log2MaxPicOrderCntLsb = log2MaxPocLsb,
                FrameMbsOnly = frameMbsOnly,
                SeparateColourPlane = separateColourPlane,
                FrameDuration = FrameDurationFromVui(ref reader),
            };
        }

        // §E.1.1: the timing info is the last thing needed from the VUI; a VUI cut short or absent gives none.
        private static TimeSpan? FrameDurationFromVui(ref BitReader reader)
        {
            try
            {
                if (reader.BitsLeft <= 0 || !reader.ReadFlag())
                {
                    return null;
                }

                FrameDurations.SkipVuiStart(ref reader);

                if (!reader.ReadFlag())
                {
                    return null;
                }

                uint unitsInTick = reader.ReadBits(32);
                uint timeScale = reader.ReadBits(32);

                // §E.2.1: a frame lasts two ticks (one per field).
                return FrameDurations.Plausible(2.0 * unitsInTick / timeScale);
            }
            catch (MediaFormatException)
            {
                return null;
            }
        }

        // §7.3.2.1.1.1: the lists are delta-coded; they must be walked to find what follows.
        private static void SkipScalingMatrix(ref BitReader reader, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (!reader.ReadFlag())
                {
                    continue;
                }

                int size = i < 6 ? 16 : 64;
                int last = 8, next = 8;
                for (int j = 0; j < size; j++)
                {
                    if (next != 0)
                    {
                        int delta = reader.ReadSe();
                        if (delta < -128 || delta > 127)
                        {
                            throw new MediaFormatException("delta_scale is out of range.");
                        }

                        next = (last + delta + 256) % 256;
                    }

                    last = next == 0 ? last : next;
                }
            }
        }
    }
}
