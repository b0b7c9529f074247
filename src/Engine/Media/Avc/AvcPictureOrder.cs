using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Media.Avc
{
    /// <summary>
    /// H.264 picture order counts (ISO 14496-10 §8.2.1.1, type 0) from the first slice header of
    /// each access unit and the SPS / PPS seen in band. Types 1 and 2 are taken as decode order:
    /// type 2 is decode order by definition, and type 1 is not used by the cameras or encoders we
    /// know. memory_management_control_operation 5 is not followed.
    /// </summary>
    public sealed class AvcPictureOrder : IPictureOrderReader
    {
        private const int MaxIds = 256;

        private readonly Dictionary<int, AvcSps> _sps = new Dictionary<int, AvcSps>();
        private readonly Dictionary<int, int> _ppsToSps = new Dictionary<int, int>();
        private long _prevMsb;
        private long _prevLsb;
        private long _decodePosition;

        /// <inheritdoc />
        public TimeSpan? FrameDuration { get; private set; }

        /// <inheritdoc />
        public PictureOrder Read(ReadOnlySpan<byte> accessUnit)
        {
            foreach (var unit in AnnexB.FindNalUnits(accessUnit))
            {
                var nal = accessUnit.Slice(unit.Offset, unit.Length);
                int type = nal[0] & 0x1F;
                try
                {
                    switch (type)
                    {
                        case 7:
                            var sps = AvcSps.Parse(nal);
                            FrameDuration = sps.FrameDuration ?? FrameDuration;
                            if (_sps.Count < MaxIds || _sps.ContainsKey(sps.SpsId))
                            {
                                _sps[sps.SpsId] = sps;
                            }

                            break;
                        case 8:
                            ReadPps(nal);
                            break;
                        case 1:
                        case 5:
                            return Slice(nal, type == 5);
                    }
                }
                catch (MediaFormatException)
                {
                    // A damaged parameter set or slice header: order falls back to decode order below.
                }
            }

            return new PictureOrder(++_decodePosition, false, false);
        }

        private void ReadPps(ReadOnlySpan<byte> nal)
        {
            var reader = new BitReader(EmulationPrevention.Remove(nal.Slice(1)));
            int pps = (int)reader.ReadUe(255, "pic_parameter_set_id");
            int sps = (int)reader.ReadUe(31, "seq_parameter_set_id");
            if (_ppsToSps.Count < MaxIds || _ppsToSps.ContainsKey(pps))
            {
                _ppsToSps[pps] = sps;
            }
        }

        // §7.3.3: slice_header() up to pic_order_cnt_lsb.
        private PictureOrder Slice(ReadOnlySpan<byte> nal, bool idr)
        {
            var reader = new BitReader(EmulationPrevention.Remove(nal.Slice(1, Math.Min(nal.Length - 1, 64))));
            reader.ReadUe(); // first_mb_in_slice
            reader.ReadUe(9, "slice_type");
            int ppsId = (int)reader.ReadUe(255, "pic_parameter_set_id");
            if (!_ppsToSps.TryGetValue(ppsId, out var spsId) || !_sps.TryGetValue(spsId, out var sps))
            {
                throw new MediaFormatException("Slice refers to a parameter set not seen.");
            }

            if (idr)
            {
                _prevMsb = 0;
                _prevLsb = 0;
                _decodePosition = 0;
            }

            _decodePosition++;
            if (sps.PicOrderCntType != 0)
            {
                return new PictureOrder(idr ? 0 : _decodePosition, idr, false);
            }

            if (sps.SeparateColourPlane)
            {
                reader.Skip(2); // colour_plane_id
            }

            reader.Skip(sps.Log2MaxFrameNum); // frame_num
            if (!sps.FrameMbsOnly && reader.ReadFlag())
            {
                reader.Skip(1); // bottom_field_flag
            }

            if (idr)
            {
                reader.ReadUe(); // idr_pic_id
            }

            long lsb = reader.ReadBits(sps.Log2MaxPicOrderCntLsb);
            long max = 1L << sps.Log2MaxPicOrderCntLsb;
            long msb = lsb < _prevLsb && _prevLsb - lsb >= max / 2 ? _prevMsb + max
                : lsb > _prevLsb && lsb - _prevLsb > max / 2 ? _prevMsb - max
                : _prevMsb;

            // §8.2.1.1: only reference pictures (nal_ref_idc != 0) carry the count forward.
            if ((nal[0] & 0x60) != 0)
            {
                _prevMsb = msb;
                _prevLsb = lsb;
            }

            return new PictureOrder(msb + lsb, idr, true);
        }
    }
}
