using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media.Nal
{
    /// <summary>
    /// Splits an Annex B elementary stream (a .h264 / .h265 file, a camera's byte stream) into
    /// access units, one coded picture each with the parameter sets and SEI in front of it, by the
    /// rules of ISO 14496-10 §7.4.1.2.3 and H.265 §7.4.2.4.4: a new unit starts at an access unit
    /// delimiter, at a parameter set or prefix SEI after a picture, or at the first slice of the
    /// next picture.
    /// </summary>
    public static class AccessUnitSplitter
    {
        /// <summary>The access units of <paramref name="annexB"/>, as ranges into it, in decode order.</summary>
        public static List<NalUnitRange> Split(ReadOnlySpan<byte> annexB, VideoCodec codec)
        {
            if (codec != VideoCodec.Avc && codec != VideoCodec.Hevc)
            {
                throw new ArgumentException("Access units are split for H.264 and H.265.", nameof(codec));
            }

            var units = new List<NalUnitRange>();
            int start = -1;
            bool pictureSeen = false;
            foreach (var nal in AnnexB.FindNalUnits(annexB))
            {
                var bytes = annexB.Slice(nal.Offset, nal.Length);
                var kind = codec == VideoCodec.Avc ? Avc(bytes) : Hevc(bytes);
                bool startsUnit = kind == Kind.Delimiter
                    || (pictureSeen && (kind == Kind.Prefix || kind == Kind.FirstSlice));
                int nalStart = StartCodeOffset(annexB, nal.Offset);
                if (startsUnit && start >= 0)
                {
                    units.Add(new NalUnitRange(start, nalStart - start));
                    start = -1;
                    pictureSeen = false;
                }

                if (start < 0)
                {
                    start = nalStart;
                }

                pictureSeen |= kind == Kind.FirstSlice || kind == Kind.Slice;
            }

            if (start >= 0 && pictureSeen)
            {
                units.Add(new NalUnitRange(start, annexB.Length - start));
            }

            return units;
        }

        private enum Kind
        {
            Other,
            Delimiter,
            Prefix,
            FirstSlice,
            Slice,
        }

        private static Kind Avc(ReadOnlySpan<byte> nal)
        {
            int type = nal[0] & 0x1F;
            return type switch
            {
                9 => Kind.Delimiter,
                6 or 7 or 8 or 14 or 15 => Kind.Prefix,
                // first_mb_in_slice is ue(v); its value 0 is the single bit 1.
                1 or 5 => nal.Length > 1 && (nal[1] & 0x80) != 0 ? Kind.FirstSlice : Kind.Slice,
                _ => Kind.Other,
            };
        }

        private static Kind Hevc(ReadOnlySpan<byte> nal)
        {
            if (nal.Length < 2)
            {
                return Kind.Other;
            }

            int type = (nal[0] >> 1) & 0x3F;
            if (type == 35)
            {
                return Kind.Delimiter;
            }

            if (type == 32 || type == 33 || type == 34 || type == 39 || (type >= 41 && type <= 44) || (type >= 48 && type <= 55))
            {
                return Kind.Prefix;
            }

            if (type <= 31)
            {
                return nal.Length > 2 && (nal[2] & 0x80) != 0 ? Kind.FirstSlice : Kind.Slice;
            }

            return Kind.Other;
        }

        // The start code before a NAL unit belongs to the unit: back up over 00 00 01 or 00 00 00 01.
        private static int StartCodeOffset(ReadOnlySpan<byte> annexB, int nalOffset)
        {
            int at = nalOffset - 3;
            if (at > 0 && annexB[at - 1] == 0)
            {
                at--;
            }

            return Math.Max(0, at);
        }
    }
}
