using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Media.Hevc
{
    /// <summary>
    /// H.265 picture order counts (ITU-T H.265 §8.3.1) from the first slice segment header of
    /// each access unit and the SPS / PPS seen in band.
    /// </summary>
    public sealed class HevcPictureOrder : IPictureOrderReader
    {
        private const int MaxIds = 64;

        private readonly Dictionary<int, HevcSps> _sps = new Dictionary<int, HevcSps>();
        private readonly Dictionary<int, (int Sps, bool OutputFlag, int ExtraBits)> _pps = new Dictionary<int, (int, bool, int)>();
        private long _prevTid0;
        private bool _first = true;
        private long _decodePosition;

        /// <inheritdoc />
        public TimeSpan? FrameDuration { get; private set; }

        /// <inheritdoc />
        public PictureOrder Read(ReadOnlySpan<byte> accessUnit)
        {
            foreach (var unit in AnnexB.FindNalUnits(accessUnit))
            {
                var nal = accessUnit.Slice(unit.Offset, unit.Length);
                if (nal.Length < 3)
                {
                    continue;
                }

                int type = (nal[0] >> 1) & 0x3F;
                try
                {
                    if (type == 33)
                    {
                        var sps = HevcSps.Parse(nal);
                        FrameDuration = sps.FrameDuration ?? FrameDuration;
                        if (_sps.Count < MaxIds || _sps.ContainsKey(sps.SpsId))
                        {
                            _sps[sps.SpsId] = sps;
                        }
                    }
                    else if (type == 34)
                    {
                        ReadPps(nal);
                    }
                    else if (type <= 21 && (nal[2] & 0x80) != 0)
                    {
                        return Slice(nal, type, (nal[1] & 0x07) - 1);
                    }
                }
                catch (MediaFormatException)
                {
                    // A damaged parameter set or slice header: order falls back to decode order below.
                }
            }

            return new PictureOrder(++_decodePosition, false, false);
        }

        // §7.3.2.3.1 up to num_extra_slice_header_bits.
        private void ReadPps(ReadOnlySpan<byte> nal)
        {
            var reader = new BitReader(EmulationPrevention.Remove(nal.Slice(2)));
            int pps = (int)reader.ReadUe(63, "pps_pic_parameter_set_id");
            int sps = (int)reader.ReadUe(15, "pps_seq_parameter_set_id");
            reader.ReadFlag(); // dependent_slice_segments_enabled_flag: not read in a first slice segment
            bool outputFlag = reader.ReadFlag();
            int extraBits = (int)reader.ReadBits(3);
            if (_pps.Count < MaxIds || _pps.ContainsKey(pps))
            {
                _pps[pps] = (sps, outputFlag, extraBits);
            }
        }

        // §7.3.6.1 for first_slice_segment_in_pic_flag = 1, up to slice_pic_order_cnt_lsb.
        private PictureOrder Slice(ReadOnlySpan<byte> nal, int type, int temporalId)
        {
            var reader = new BitReader(EmulationPrevention.Remove(nal.Slice(2, Math.Min(nal.Length - 2, 64))));
            reader.Skip(1); // first_slice_segment_in_pic_flag
            bool irap = type >= 16 && type <= 23;
            if (irap)
            {
                reader.Skip(1); // no_output_of_prior_pics_flag
            }

            int ppsId = (int)reader.ReadUe(63, "slice_pic_parameter_set_id");
            if (!_pps.TryGetValue(ppsId, out var pps) || !_sps.TryGetValue(pps.Sps, out var sps))
            {
                throw new MediaFormatException("Slice refers to a parameter set not seen.");
            }

            reader.Skip(pps.ExtraBits); // slice_reserved_flag[i]
            reader.ReadUe(2, "slice_type");
            if (pps.OutputFlag)
            {
                reader.Skip(1); // pic_output_flag
            }

            if (sps.SeparateColourPlane)
            {
                reader.Skip(2); // colour_plane_id
            }

            bool idr = type == 19 || type == 20;
            long lsb = idr ? 0 : reader.ReadBits(sps.Log2MaxPicOrderCntLsb);
            long max = 1L << sps.Log2MaxPicOrderCntLsb;

            // §8.3.1: IDR and BLA pictures, and the first CRA, start the count afresh (NoRaslOutputFlag = 1).
            bool restart = idr || (type >= 16 && type <= 18) || (type == 21 && _first);
            long msb;
            if (restart)
            {
                msb = 0;
                _decodePosition = 0;
            }
            else
            {
                long prevLsb = _prevTid0 & (max - 1);
                long prevMsb = _prevTid0 - prevLsb;
                msb = lsb < prevLsb && prevLsb - lsb >= max / 2 ? prevMsb + max
                    : lsb > prevLsb && lsb - prevLsb > max / 2 ? prevMsb - max
                    : prevMsb;
            }

            _first = false;
            _decodePosition++;
            long poc = msb + lsb;

            // prevTid0Pic: TemporalId 0, not RADL / RASL (6–9), not a sub-layer non-reference picture (even types up to 14).
            bool subLayerNonReference = type <= 14 && type % 2 == 0;
            if (temporalId == 0 && !(type >= 6 && type <= 9) && !subLayerNonReference)
            {
                _prevTid0 = poc;
            }

            return new PictureOrder(poc, irap, true);
        }
    }
}
