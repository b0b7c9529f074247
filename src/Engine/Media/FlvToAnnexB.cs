using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// H.264 and H.265 from FLV video tags (legacy AVC or Enhanced RTMP avc1/hvc1) as Annex B
    /// access units, the parameter sets of the last sequence header in front of every key frame
    /// that does not carry its own, as a decoder joining at that key frame needs them. The
    /// reverse of <see cref="AnnexBToFlv"/>.
    /// </summary>
    public sealed class FlvToAnnexB
    {
        private static readonly byte[] StartCode = { 0, 0, 0, 1 };

        private readonly WireLimits _limits;
        private byte[] _parameterSets = Array.Empty<byte>();
        private int _nalLengthSize;

        /// <summary>Creates a converter that parses sequence headers within <paramref name="limits"/>.</summary>
        public FlvToAnnexB(WireLimits? limits = null)
        {
            _limits = limits ?? WireLimits.Default;
        }

        /// <summary>The codec of the last sequence header, or <see cref="VideoCodec.Unknown"/> before one.</summary>
        public VideoCodec Codec { get; private set; }

        /// <summary>
        /// Takes one video tag body: a sequence header is kept (and yields null), a coded frame
        /// yields its access unit in Annex B; null too for command frames, end-of-sequence, other
        /// codecs and frames before the first sequence header.
        /// </summary>
        /// <exception cref="MediaFormatException">The tag, its sequence header or its NAL lengths are malformed.</exception>
        public byte[]? Convert(ReadOnlySpan<byte> body, out VideoTagHeader header)
        {
            header = VideoTagHeader.Parse(body);
            if (header.Codec != VideoCodec.Avc && header.Codec != VideoCodec.Hevc)
            {
                return null;
            }

            var data = body.Slice(header.DataOffset);
            if (header.IsSequenceHeader)
            {
                Keep(header.Codec, data);
                return null;
            }

            if (header.IsCommandFrame || header.PacketKind != VideoPacketKind.CodedFrames || header.Codec != Codec || _nalLengthSize == 0)
            {
                return null;
            }

            var units = AnnexB.FindLengthPrefixed(data, _nalLengthSize);
            bool prepend = header.IsKeyFrame && !HasParameterSets(data, units);
            int length = prepend ? _parameterSets.Length : 0;
            foreach (var unit in units)
            {
                length += StartCode.Length + unit.Length;
            }

            var output = new byte[length];
            int at = 0;
            if (prepend)
            {
                _parameterSets.CopyTo(output, 0);
                at = _parameterSets.Length;
            }

            foreach (var unit in units)
            {
                StartCode.CopyTo(output, at);
                data.Slice(unit.Offset, unit.Length).CopyTo(output.AsSpan(at + StartCode.Length));
                at += StartCode.Length + unit.Length;
            }

            return output;
        }

        private void Keep(VideoCodec codec, ReadOnlySpan<byte> record)
        {
            var sets = new List<byte[]>();
            if (codec == VideoCodec.Avc)
            {
                var avc = AvcDecoderConfigurationRecord.Parse(record, _limits);
                sets.AddRange(avc.Sps);
                sets.AddRange(avc.Pps);
                _nalLengthSize = avc.NalLengthSize;
            }
            else
            {
                var hevc = HevcDecoderConfigurationRecord.Parse(record, _limits);
                foreach (var array in hevc.Arrays)
                {
                    sets.AddRange(array.Units);
                }

                _nalLengthSize = hevc.NalLengthSize;
            }

            int length = 0;
            foreach (var set in sets)
            {
                length += StartCode.Length + set.Length;
            }

            _parameterSets = new byte[length];
            int at = 0;
            foreach (var set in sets)
            {
                StartCode.CopyTo(_parameterSets, at);
                set.CopyTo(_parameterSets, at + StartCode.Length);
                at += StartCode.Length + set.Length;
            }
            Codec = codec;
        }

        // An SPS in the frame itself (H.264 type 7, H.265 type 33): the encoder repeats them, so none are added.
        private bool HasParameterSets(ReadOnlySpan<byte> data, List<NalUnitRange> units)
        {
            foreach (var unit in units)
            {
                if (unit.Length == 0)
                {
                    continue;
                }

                int type = Codec == VideoCodec.Avc ? data[unit.Offset] & 0x1F : (data[unit.Offset] >> 1) & 0x3F;
                if ((Codec == VideoCodec.Avc && type == 7) || (Codec == VideoCodec.Hevc && type == 33))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
