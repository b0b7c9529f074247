using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media.Avc
{
    /// <summary>
    /// An AVCDecoderConfigurationRecord (ISO 14496-15 §5.3.3.1, "avcC"): what an RTMP AVC
    /// sequence header carries — profile, level, NAL length size and the SPS/PPS.
    /// </summary>
    public sealed class AvcDecoderConfigurationRecord
    {
        private const int HeaderLength = 6;
        private readonly byte[] _extension;

        private AvcDecoderConfigurationRecord(int profile, int compatibility, int level, int nalLengthSize, IReadOnlyList<byte[]> sps, IReadOnlyList<byte[]> pps, byte[] extension)
        {
            ProfileIndication = profile;
            ProfileCompatibility = compatibility;
            LevelIndication = level;
            NalLengthSize = nalLengthSize;
            Sps = sps;
            Pps = pps;
            _extension = extension;
        }

        /// <summary>AVCProfileIndication, a copy of the SPS profile_idc.</summary>
        public int ProfileIndication { get; }

        /// <summary>profile_compatibility, a copy of the SPS constraint flags byte.</summary>
        public int ProfileCompatibility { get; }

        /// <summary>AVCLevelIndication, a copy of the SPS level_idc.</summary>
        public int LevelIndication { get; }

        /// <summary>Bytes in each NAL unit length prefix of the coded frames: 1, 2 or 4.</summary>
        public int NalLengthSize { get; }

        /// <summary>The sequence parameter sets, each a whole NAL unit with its header byte.</summary>
        public IReadOnlyList<byte[]> Sps { get; }

        /// <summary>The picture parameter sets, each a whole NAL unit with its header byte.</summary>
        public IReadOnlyList<byte[]> Pps { get; }

        /// <summary>
        /// Parses a record, bounding the parameter-set count by <see cref="WireLimits.MaxParameterSets"/>.
        /// Throws <see cref="MediaFormatException"/> when it is malformed. The optional high-profile
        /// extension (chroma format, bit depths, SPS extensions) is kept as raw bytes for
        /// <see cref="ToBytes"/>.
        /// </summary>
        public static AvcDecoderConfigurationRecord Parse(ReadOnlySpan<byte> data, WireLimits limits)
        {
            if (limits == null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            if (data.Length < HeaderLength + 1)
            {
                throw new MediaFormatException($"AVC decoder configuration record is too short ({data.Length} bytes).");
            }

            if (data[0] != 1)
            {
                throw new MediaFormatException($"AVC decoder configuration record version {data[0]} is not 1.");
            }

            int nalLengthSize = (data[4] & 0x03) + 1;
            if (nalLengthSize == 3)
            {
                throw new MediaFormatException("AVC NAL length size 3 is not allowed.");
            }

            int offset = 5;
            int spsCount = data[offset++] & 0x1F;
            var sps = ReadParameterSets(data, ref offset, spsCount, 0, limits, "SPS");
            if (offset >= data.Length)
            {
                throw new MediaFormatException("AVC decoder configuration record ends before the PPS count.");
            }

            int ppsCount = data[offset++];
            var pps = ReadParameterSets(data, ref offset, ppsCount, spsCount, limits, "PPS");
            return new AvcDecoderConfigurationRecord(data[1], data[2], data[3], nalLengthSize, sps, pps, data.Slice(offset).ToArray());
        }

        /// <summary>
        /// Builds a record from one SPS and one PPS NAL unit (header byte included) with 4-byte
        /// NAL lengths — how the streamer turns an Annex B source into an RTMP sequence header.
        /// </summary>
        public static AvcDecoderConfigurationRecord Create(byte[] sps, byte[] pps)
        {
            if (sps == null)
            {
                throw new ArgumentNullException(nameof(sps));
            }

            if (pps == null)
            {
                throw new ArgumentNullException(nameof(pps));
            }

            if (sps.Length < 4 || (sps[0] & 0x1F) != 7 || sps.Length > ushort.MaxValue)
            {
                throw new ArgumentException("Not an H.264 SPS NAL unit.", nameof(sps));
            }

            if (pps.Length < 2 || (pps[0] & 0x1F) != 8 || pps.Length > ushort.MaxValue)
            {
                throw new ArgumentException("Not an H.264 PPS NAL unit.", nameof(pps));
            }

            return new AvcDecoderConfigurationRecord(sps[1], sps[2], sps[3], 4, new[] { (byte[])sps.Clone() }, new[] { (byte[])pps.Clone() }, Array.Empty<byte>());
        }

        /// <summary>The record's bytes, as an RTMP sequence header or an MP4 avcC box carries them.</summary>
        public byte[] ToBytes()
        {
            int length = HeaderLength + 1 + _extension.Length;
            foreach (var set in Sps)
            {
                length += 2 + set.Length;
            }

            foreach (var set in Pps)
            {
                length += 2 + set.Length;
            }

            var bytes = new byte[length];
            bytes[0] = 1;
            bytes[1] = (byte)ProfileIndication;
            bytes[2] = (byte)ProfileCompatibility;
            bytes[3] = (byte)LevelIndication;
            bytes[4] = (byte)(0xFC | (NalLengthSize - 1));
            bytes[5] = (byte)(0xE0 | Sps.Count);
            int offset = 6;
            foreach (var set in Sps)
            {
                WriteSet(bytes, ref offset, set);
            }

            bytes[offset++] = (byte)Pps.Count;
            foreach (var set in Pps)
            {
                WriteSet(bytes, ref offset, set);
            }

            _extension.CopyTo(bytes, offset);
            return bytes;
        }

        private static void WriteSet(byte[] bytes, ref int offset, byte[] set)
        {
            bytes[offset++] = (byte)(set.Length >> 8);
            bytes[offset++] = (byte)set.Length;
            set.CopyTo(bytes, offset);
            offset += set.Length;
        }

        private static byte[][] ReadParameterSets(ReadOnlySpan<byte> data, ref int offset, int count, int alreadyRead, WireLimits limits, string what)
        {
            if (count + alreadyRead > limits.MaxParameterSets)
            {
                throw new MediaFormatException($"AVC decoder configuration record has {count + alreadyRead} parameter sets, more than the limit {limits.MaxParameterSets}.");
            }

            var sets = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                if (data.Length - offset < 2)
                {
                    throw new MediaFormatException($"AVC decoder configuration record ends inside {what} {i} length.");
                }

                int length = (data[offset] << 8) | data[offset + 1];
                offset += 2;
                if (length == 0)
                {
                    throw new MediaFormatException($"AVC {what} {i} is empty.");
                }

                if (data.Length - offset < length)
                {
                    throw new MediaFormatException($"AVC {what} {i} of {length} bytes runs past the end of the record.");
                }

                sets[i] = data.Slice(offset, length).ToArray();
                offset += length;
            }

            return sets;
        }
    }
}
