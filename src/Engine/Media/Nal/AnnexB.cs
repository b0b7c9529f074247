using System;
using System.Buffers;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media.Nal
{
    /// <summary>
    /// Converts between Annex B byte streams (start codes, as in .h264 files, RTSP/TS sources and
    /// hardware encoders) and length-prefixed NAL units (AVCC/HVCC, as RTMP and MP4 carry them).
    /// </summary>
    public static class AnnexB
    {
        private static readonly byte[] StartCode = { 0, 0, 0, 1 };

        /// <summary>
        /// The NAL units between 3- and 4-byte start codes. Bytes before the first start code are
        /// ignored, trailing zero bytes before a start code are not part of a unit, and empty
        /// units are dropped. A buffer without any start code yields no units.
        /// </summary>
        public static List<NalUnitRange> FindNalUnits(ReadOnlySpan<byte> annexB)
        {
            var units = new List<NalUnitRange>();
            int start = -1;
            int i = 0;
            while (i + 2 < annexB.Length)
            {
                // The vectorised search for 00 00 01: a frame's payload is scanned at memory speed.
                int found = annexB.Slice(i).IndexOf(StartCode.AsSpan(1));
                if (found < 0)
                {
                    break;
                }

                i += found;
                if (start >= 0)
                {
                    Add(units, annexB, start, i);
                }

                i += 3;
                start = i;
            }

            if (start >= 0)
            {
                Add(units, annexB, start, annexB.Length);
            }

            return units;
        }

        /// <summary>
        /// Writes each NAL unit of <paramref name="annexB"/> with a 4-byte big-endian length
        /// prefix and returns the number of bytes written.
        /// </summary>
        public static int ToLengthPrefixed(ReadOnlySpan<byte> annexB, IBufferWriter<byte> output)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            int written = 0;
            foreach (var unit in FindNalUnits(annexB))
            {
                var dest = output.GetSpan(4 + unit.Length);
                dest[0] = (byte)(unit.Length >> 24);
                dest[1] = (byte)(unit.Length >> 16);
                dest[2] = (byte)(unit.Length >> 8);
                dest[3] = (byte)unit.Length;
                annexB.Slice(unit.Offset, unit.Length).CopyTo(dest.Slice(4));
                output.Advance(4 + unit.Length);
                written += 4 + unit.Length;
            }

            return written;
        }

        /// <summary>
        /// Writes each length-prefixed NAL unit with a 4-byte start code. A length that runs past
        /// the end of the buffer, or a partial length field, throws <see cref="MediaFormatException"/>;
        /// zero-length units are skipped.
        /// </summary>
        public static void ToAnnexB(ReadOnlySpan<byte> lengthPrefixed, int nalLengthSize, IBufferWriter<byte> output)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            foreach (var unit in FindLengthPrefixed(lengthPrefixed, nalLengthSize))
            {
                var dest = output.GetSpan(4 + unit.Length);
                StartCode.CopyTo(dest);
                lengthPrefixed.Slice(unit.Offset, unit.Length).CopyTo(dest.Slice(4));
                output.Advance(4 + unit.Length);
            }
        }

        /// <summary>
        /// The NAL units of a length-prefixed buffer (AVCC/HVCC), where they lie in it. A length
        /// that runs past the end, or a partial length field, throws <see cref="MediaFormatException"/>;
        /// zero-length units are skipped.
        /// </summary>
        public static List<NalUnitRange> FindLengthPrefixed(ReadOnlySpan<byte> lengthPrefixed, int nalLengthSize)
        {
            if (nalLengthSize < 1 || nalLengthSize > 4)
            {
                throw new ArgumentOutOfRangeException(nameof(nalLengthSize), nalLengthSize, "NAL length size must be 1–4.");
            }

            var units = new List<NalUnitRange>();
            int offset = 0;
            while (offset < lengthPrefixed.Length)
            {
                if (lengthPrefixed.Length - offset < nalLengthSize)
                {
                    throw new MediaFormatException("NAL length field is cut off at the end of the buffer.");
                }

                uint length = 0;
                for (int i = 0; i < nalLengthSize; i++)
                {
                    length = (length << 8) | lengthPrefixed[offset + i];
                }

                offset += nalLengthSize;
                if (length > (uint)(lengthPrefixed.Length - offset))
                {
                    throw new MediaFormatException($"NAL unit of {length} bytes runs past the end of the buffer ({lengthPrefixed.Length - offset} left).");
                }

                if (length > 0)
                {
                    units.Add(new NalUnitRange(offset, (int)length));
                    offset += (int)length;
                }
            }

            return units;
        }

        private static void Add(List<NalUnitRange> units, ReadOnlySpan<byte> buffer, int start, int end)
        {
            // trailing_zero_8bits and the leading zero of a 4-byte start code belong to no unit.
            while (end > start && buffer[end - 1] == 0)
            {
                end--;
            }

            if (end > start)
            {
                units.Add(new NalUnitRange(start, end - start));
            }
        }
    }
}
