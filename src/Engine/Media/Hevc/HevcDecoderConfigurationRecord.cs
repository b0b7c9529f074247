using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media.Hevc
{
    /// <summary>
    /// An HEVCDecoderConfigurationRecord (ISO 14496-15 §8.3.3.1, "hvcC"): what an HEVC
    /// sequence header carries. Width and height come from the first SPS in it.
    /// </summary>
    public sealed class HevcDecoderConfigurationRecord
    {
        private const int HeaderLength = 23;
        private const int VpsType = 32;
        private const int SpsType = 33;
        private const int PpsType = 34;

        private HevcDecoderConfigurationRecord()
        {
            Arrays = Array.Empty<HevcParameterSetArray>();
        }

        /// <summary>general_profile_space.</summary>
        public int GeneralProfileSpace { get; private set; }

        /// <summary>general_tier_flag: false Main tier, true High tier.</summary>
        public bool GeneralTierFlag { get; private set; }

        /// <summary>general_profile_idc.</summary>
        public int GeneralProfileIdc { get; private set; }

        /// <summary>general_profile_compatibility_flags.</summary>
        public uint GeneralProfileCompatibilityFlags { get; private set; }

        /// <summary>general_constraint_indicator_flags (48 bits).</summary>
        public ulong GeneralConstraintIndicatorFlags { get; private set; }

        /// <summary>general_level_idc (30 × level).</summary>
        public int GeneralLevelIdc { get; private set; }

        /// <summary>min_spatial_segmentation_idc.</summary>
        public int MinSpatialSegmentationIdc { get; private set; }

        /// <summary>parallelismType.</summary>
        public int ParallelismType { get; private set; }

        /// <summary>chroma_format_idc.</summary>
        public int ChromaFormat { get; private set; }

        /// <summary>Luma bit depth.</summary>
        public int BitDepthLuma { get; private set; }

        /// <summary>Chroma bit depth.</summary>
        public int BitDepthChroma { get; private set; }

        /// <summary>avgFrameRate in frames per 256 seconds (0 = unspecified).</summary>
        public int AvgFrameRate { get; private set; }

        /// <summary>constantFrameRate.</summary>
        public int ConstantFrameRate { get; private set; }

        /// <summary>numTemporalLayers.</summary>
        public int NumTemporalLayers { get; private set; }

        /// <summary>temporalIdNested.</summary>
        public bool TemporalIdNested { get; private set; }

        /// <summary>Bytes in each NAL unit length prefix of the coded frames: 1, 2 or 4.</summary>
        public int NalLengthSize { get; private set; }

        /// <summary>The parameter set arrays in record order.</summary>
        public IReadOnlyList<HevcParameterSetArray> Arrays { get; private set; }

        /// <summary>The first SPS, parsed; null when the record has none.</summary>
        public HevcSps? Sps { get; private set; }

        /// <summary>Displayed width from the SPS; 0 when the record has no SPS.</summary>
        public int Width => Sps?.Width ?? 0;

        /// <summary>Displayed height from the SPS; 0 when the record has no SPS.</summary>
        public int Height => Sps?.Height ?? 0;

        /// <summary>The profile's name from general_profile_idc.</summary>
        public string ProfileName => HevcProfile.Name(GeneralProfileIdc);

        /// <summary>The level as printed ("4.0").</summary>
        public string LevelName => HevcProfile.LevelName(GeneralLevelIdc);

        /// <summary>
        /// Parses a record, bounding arrays and NAL units by <see cref="WireLimits.MaxParameterSets"/>
        /// and parsing the first SPS. Throws <see cref="MediaFormatException"/> when anything is malformed.
        /// </summary>
        public static HevcDecoderConfigurationRecord Parse(ReadOnlySpan<byte> data, WireLimits limits)
        {
            if (limits == null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            if (data.Length < HeaderLength)
            {
                throw new MediaFormatException($"HEVC decoder configuration record is too short ({data.Length} bytes).");
            }

            if (data[0] != 1)
            {
                throw new MediaFormatException($"HEVC decoder configuration record version {data[0]} is not 1.");
            }

            var record = new HevcDecoderConfigurationRecord
            {
                GeneralProfileSpace = data[1] >> 6,
                GeneralTierFlag = (data[1] & 0x20) != 0,
                GeneralProfileIdc = data[1] & 0x1F,
                GeneralProfileCompatibilityFlags = ((uint)data[2] << 24) | ((uint)data[3] << 16) | ((uint)data[4] << 8) | data[5],
                GeneralConstraintIndicatorFlags = ReadUInt48(data.Slice(6)),
                GeneralLevelIdc = data[12],
                MinSpatialSegmentationIdc = ((data[13] & 0x0F) << 8) | data[14],
                ParallelismType = data[15] & 0x03,
                ChromaFormat = data[16] & 0x03,
                BitDepthLuma = (data[17] & 0x07) + 8,
                BitDepthChroma = (data[18] & 0x07) + 8,
                AvgFrameRate = (data[19] << 8) | data[20],
                ConstantFrameRate = data[21] >> 6,
                NumTemporalLayers = (data[21] >> 3) & 0x07,
                TemporalIdNested = (data[21] & 0x04) != 0,
                NalLengthSize = (data[21] & 0x03) + 1,
            };

            if (record.NalLengthSize == 3)
            {
                throw new MediaFormatException("HEVC NAL length size 3 is not allowed.");
            }

            int arrayCount = data[22];
            if (arrayCount > limits.MaxParameterSets)
            {
                throw new MediaFormatException($"HEVC decoder configuration record has {arrayCount} arrays, more than the limit {limits.MaxParameterSets}.");
            }

            int offset = HeaderLength;
            int total = 0;
            var arrays = new HevcParameterSetArray[arrayCount];
            for (int a = 0; a < arrayCount; a++)
            {
                if (data.Length - offset < 3)
                {
                    throw new MediaFormatException($"HEVC decoder configuration record ends inside array {a} header.");
                }

                bool complete = (data[offset] & 0x80) != 0;
                int nalType = data[offset] & 0x3F;
                int count = (data[offset + 1] << 8) | data[offset + 2];
                offset += 3;
                total += count;
                if (total > limits.MaxParameterSets)
                {
                    throw new MediaFormatException($"HEVC decoder configuration record has {total} parameter sets, more than the limit {limits.MaxParameterSets}.");
                }

                var units = new byte[count][];
                for (int i = 0; i < count; i++)
                {
                    if (data.Length - offset < 2)
                    {
                        throw new MediaFormatException($"HEVC decoder configuration record ends inside a NAL unit length (array {a}).");
                    }

                    int length = (data[offset] << 8) | data[offset + 1];
                    offset += 2;
                    if (length == 0 || data.Length - offset < length)
                    {
                        throw new MediaFormatException($"HEVC NAL unit of {length} bytes in array {a} is empty or runs past the end of the record.");
                    }

                    units[i] = data.Slice(offset, length).ToArray();
                    offset += length;
                }

                arrays[a] = new HevcParameterSetArray(nalType, complete, units);
            }

            record.Arrays = arrays;
            foreach (var array in arrays)
            {
                if (array.NalType == SpsType && array.Units.Count > 0)
                {
                    record.Sps = HevcSps.Parse(array.Units[0]);
                    break;
                }
            }

            return record;
        }

        /// <summary>
        /// Builds a record from one VPS, SPS and PPS NAL unit (2-byte headers included) with
        /// 4-byte NAL lengths, taking profile, tier, level, chroma format and bit depths from the
        /// SPS. Throws <see cref="MediaFormatException"/> when the SPS does not parse.
        /// </summary>
        public static HevcDecoderConfigurationRecord Create(byte[] vps, byte[] sps, byte[] pps)
        {
            CheckNal(vps, VpsType, nameof(vps));
            CheckNal(sps, SpsType, nameof(sps));
            CheckNal(pps, PpsType, nameof(pps));
            var parsed = HevcSps.Parse(sps);
            return new HevcDecoderConfigurationRecord
            {
                GeneralProfileSpace = parsed.ProfileSpace,
                GeneralTierFlag = parsed.TierFlag,
                GeneralProfileIdc = parsed.ProfileIdc,
                GeneralProfileCompatibilityFlags = parsed.ProfileCompatibilityFlags,
                GeneralConstraintIndicatorFlags = parsed.ConstraintIndicatorFlags,
                GeneralLevelIdc = parsed.LevelIdc,
                ChromaFormat = parsed.ChromaFormatIdc,
                BitDepthLuma = parsed.BitDepthLuma,
                BitDepthChroma = parsed.BitDepthChroma,
                NumTemporalLayers = parsed.MaxSubLayers,
                TemporalIdNested = parsed.TemporalIdNesting,
                NalLengthSize = 4,
                Arrays = new[]
                {
                    new HevcParameterSetArray(VpsType, true, new[] { (byte[])vps.Clone() }),
                    new HevcParameterSetArray(SpsType, true, new[] { (byte[])sps.Clone() }),
                    new HevcParameterSetArray(PpsType, true, new[] { (byte[])pps.Clone() }),
                },
                Sps = parsed,
            };
        }

        /// <summary>The record's bytes, as an RTMP sequence header or an MP4 hvcC box carries them.</summary>
        public byte[] ToBytes()
        {
            int length = HeaderLength;
            foreach (var array in Arrays)
            {
                length += 3;
                foreach (var unit in array.Units)
                {
                    length += 2 + unit.Length;
                }
            }

            var bytes = new byte[length];
            bytes[0] = 1;
            bytes[1] = (byte)((GeneralProfileSpace << 6) | (GeneralTierFlag ? 0x20 : 0) | GeneralProfileIdc);
            bytes[2] = (byte)(GeneralProfileCompatibilityFlags >> 24);
            bytes[3] = (byte)(GeneralProfileCompatibilityFlags >> 16);
            bytes[4] = (byte)(GeneralProfileCompatibilityFlags >> 8);
            bytes[5] = (byte)GeneralProfileCompatibilityFlags;
            for (int i = 0; i < 6; i++)
            {
                bytes[6 + i] = (byte)(GeneralConstraintIndicatorFlags >> (40 - (8 * i)));
            }

            bytes[12] = (byte)GeneralLevelIdc;
            bytes[13] = (byte)(0xF0 | (MinSpatialSegmentationIdc >> 8));
            bytes[14] = (byte)MinSpatialSegmentationIdc;
            bytes[15] = (byte)(0xFC | ParallelismType);
            bytes[16] = (byte)(0xFC | ChromaFormat);
            bytes[17] = (byte)(0xF8 | (BitDepthLuma - 8));
            bytes[18] = (byte)(0xF8 | (BitDepthChroma - 8));
            bytes[19] = (byte)(AvgFrameRate >> 8);
            bytes[20] = (byte)AvgFrameRate;
            bytes[21] = (byte)((ConstantFrameRate << 6) | (NumTemporalLayers << 3) | (TemporalIdNested ? 0x04 : 0) | (NalLengthSize - 1));
            bytes[22] = (byte)Arrays.Count;
            int offset = HeaderLength;
            foreach (var array in Arrays)
            {
                bytes[offset++] = (byte)((array.IsComplete ? 0x80 : 0) | array.NalType);
                bytes[offset++] = (byte)(array.Units.Count >> 8);
                bytes[offset++] = (byte)array.Units.Count;
                foreach (var unit in array.Units)
                {
                    bytes[offset++] = (byte)(unit.Length >> 8);
                    bytes[offset++] = (byte)unit.Length;
                    unit.CopyTo(bytes, offset);
                    offset += unit.Length;
                }
            }

            return bytes;
        }

        private static ulong ReadUInt48(ReadOnlySpan<byte> source)
        {
            ulong value = 0;
            for (int i = 0; i < 6; i++)
            {
                value = (value << 8) | source[i];
            }

            return value;
        }

        private static void CheckNal(byte[] nal, int type, string name)
        {
            if (nal == null)
            {
                throw new ArgumentNullException(name);
            }

            if (nal.Length < 3 || ((nal[0] >> 1) & 0x3F) != type || nal.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"Not an H.265 NAL unit of type {type}.", name);
            }
        }
    }
}
