using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// Turns Annex B access units (cameras, the Recording Server, .h264 files) into FLV video
    /// tag bodies: H.264 as classic AVC (CodecID 7), H.265 as Enhanced RTMP hvc1. Parameter sets
    /// leave the frames and go into a sequence header, sent again whenever they change, since a
    /// camera may change resolution mid-stream and RTMP decoders only read them from there.
    /// </summary>
    public sealed class AnnexBToFlv
    {
        private const int AvcSps = 7;
        private const int AvcPps = 8;
        private const int AvcAud = 9;
        private const int AvcIdr = 5;
        private const int HevcVps = 32;
        private const int HevcSps = 33;
        private const int HevcPps = 34;
        private const int HevcAud = 35;
        private const int HevcFirstIrap = 16;
        private const int HevcLastIrap = 23;

        private readonly bool _hevc;
        private byte[]? _vps;
        private byte[]? _sps;
        private byte[]? _pps;
        private byte[]? _sentVps;
        private byte[]? _sentSps;
        private byte[]? _sentPps;

        /// <summary>Converts <see cref="VideoCodec.Avc"/> or <see cref="VideoCodec.Hevc"/> access units.</summary>
        public AnnexBToFlv(VideoCodec codec)
        {
            if (codec != VideoCodec.Avc && codec != VideoCodec.Hevc)
            {
                throw new ArgumentOutOfRangeException(nameof(codec), codec, "Only H.264 and H.265 come as Annex B.");
            }

            Codec = codec;
            _hevc = codec == VideoCodec.Hevc;
        }

        /// <summary>The codec converted.</summary>
        public VideoCodec Codec { get; }

        /// <summary>Access units dropped because no complete set of parameter sets had been seen yet: nothing could decode them.</summary>
        public long DroppedBeforeSequenceHeader { get; private set; }

        /// <summary>Sequence headers produced so far (the first and one per parameter set change).</summary>
        public int SequenceHeaders { get; private set; }

        /// <summary>
        /// Converts one access unit with its decode and presentation times (ms). Yields a sequence
        /// header first when the unit brings parameter sets that differ from the last sent, then
        /// one coded frame body with the composition time pts − dts; nothing while no sequence
        /// header could be made yet. All bodies belong at <paramref name="dts"/>.
        /// </summary>
        /// <exception cref="MediaFormatException">The parameter sets do not parse, or pts − dts does not fit in 24 bits.</exception>
        public IReadOnlyList<byte[]> Convert(ReadOnlySpan<byte> accessUnit, long dts, long pts, bool isKeyFrame)
        {
            var body = Array.Empty<byte>();
            int length = Convert(accessUnit, dts, pts, isKeyFrame, ref body, out var sequenceHeader);
            var bodies = new List<byte[]>(2);
            if (sequenceHeader != null)
            {
                bodies.Add(sequenceHeader);
            }

            if (length > 0)
            {
                bodies.Add(body);
            }

            return bodies;
        }

        /// <summary>
        /// Converts as <see cref="Convert(ReadOnlySpan{byte}, long, long, bool)"/> does, but writes
        /// the coded frame body into <paramref name="buffer"/>, replaced by one of exactly the
        /// length needed when too small, so that a caller converting a whole recording reuses one
        /// buffer instead of making a new array per frame.
        /// </summary>
        /// <returns>The frame body's length at the start of <paramref name="buffer"/>; 0 when there is no frame to send.</returns>
        /// <exception cref="MediaFormatException">The parameter sets do not parse, or pts − dts does not fit in 24 bits.</exception>
        public int Convert(ReadOnlySpan<byte> accessUnit, long dts, long pts, bool isKeyFrame, ref byte[] buffer, out byte[]? sequenceHeader)
        {
            long compositionTime = pts - dts;
            if (compositionTime < -0x800000 || compositionTime > 0x7FFFFF)
            {
                throw new MediaFormatException($"Composition time {compositionTime} ms does not fit in the FLV 24-bit field.");
            }

            var units = AnnexB.FindNalUnits(accessUnit);
            var frameUnits = new List<NalUnitRange>(units.Count);
            int frameBytes = 0;
            bool key = isKeyFrame;
            foreach (var unit in units)
            {
                var nal = accessUnit.Slice(unit.Offset, unit.Length);
                int type = _hevc ? (nal[0] >> 1) & 0x3F : nal[0] & 0x1F;
                if (TakeParameterSet(type, nal))
                {
                    continue;
                }

                if ((_hevc && type == HevcAud) || (!_hevc && type == AvcAud))
                {
                    continue;
                }

                key |= _hevc ? type >= HevcFirstIrap && type <= HevcLastIrap : type == AvcIdr;
                frameUnits.Add(unit);
                frameBytes += 4 + unit.Length;
            }

            sequenceHeader = SequenceHeaderIfChanged();
            if (_sentSps == null)
            {
                DroppedBeforeSequenceHeader++;
                return 0;
            }

            if (frameUnits.Count == 0)
            {
                return 0;
            }

            var frameType = key ? VideoFrameType.Key : VideoFrameType.Inter;
            int headerLength = _hevc ? (compositionTime == 0 ? 5 : 8) : 5;
            if (buffer == null || buffer.Length < headerLength + frameBytes)
            {
                buffer = new byte[headerLength + frameBytes];
            }

            var body = buffer;
            int offset = _hevc
                ? VideoTagHeader.WriteEnhanced(body, frameType, FourCc.Hvc1, VideoPacketKind.CodedFrames, (int)compositionTime)
                : VideoTagHeader.WriteAvc(body, frameType, VideoPacketKind.CodedFrames, (int)compositionTime);
            foreach (var unit in frameUnits)
            {
                body[offset++] = (byte)(unit.Length >> 24);
                body[offset++] = (byte)(unit.Length >> 16);
                body[offset++] = (byte)(unit.Length >> 8);
                body[offset++] = (byte)unit.Length;
                accessUnit.Slice(unit.Offset, unit.Length).CopyTo(body.AsSpan(offset));
                offset += unit.Length;
            }

            return offset;
        }

        private bool TakeParameterSet(int type, ReadOnlySpan<byte> nal)
        {
            if (_hevc)
            {
                switch (type)
                {
                    case HevcVps: _vps = Keep(_vps, nal); return true;
                    case HevcSps: _sps = Keep(_sps, nal); return true;
                    case HevcPps: _pps = Keep(_pps, nal); return true;
                    default: return false;
                }
            }

            switch (type)
            {
                case AvcSps: _sps = Keep(_sps, nal); return true;
                case AvcPps: _pps = Keep(_pps, nal); return true;
                default: return false;
            }
        }

        // Cameras repeat the same parameter sets before every keyframe (often every frame): copied only when they change.
        private static byte[] Keep(byte[]? held, ReadOnlySpan<byte> nal) => held != null && nal.SequenceEqual(held) ? held : nal.ToArray();

        private byte[]? SequenceHeaderIfChanged()
        {
            if (_sps == null || _pps == null || (_hevc && _vps == null))
            {
                return null;
            }

            if (Same(_sps, _sentSps) && Same(_pps, _sentPps) && (!_hevc || Same(_vps, _sentVps)))
            {
                return null;
            }

            byte[] record;
            byte[] body;
            if (_hevc)
            {
                if (_vps!.Length < 3 || _sps.Length < 3 || _pps.Length < 3 || Math.Max(_vps.Length, Math.Max(_sps.Length, _pps.Length)) > ushort.MaxValue)
                {
                    throw new MediaFormatException("H.265 parameter sets too short or too long for a decoder configuration record.");
                }

                record = HevcDecoderConfigurationRecord.Create(_vps!, _sps, _pps).ToBytes();
                body = new byte[5 + record.Length];
                VideoTagHeader.WriteEnhanced(body, VideoFrameType.Key, FourCc.Hvc1, VideoPacketKind.SequenceStart, 0);
            }
            else
            {
                if (_sps.Length < 4 || _pps.Length < 2 || _sps.Length > ushort.MaxValue || _pps.Length > ushort.MaxValue)
                {
                    throw new MediaFormatException($"H.264 parameter sets of {_sps.Length} and {_pps.Length} bytes cannot make a decoder configuration record.");
                }

                record = AvcDecoderConfigurationRecord.Create(_sps, _pps).ToBytes();
                body = new byte[5 + record.Length];
                VideoTagHeader.WriteAvc(body, VideoFrameType.Key, VideoPacketKind.SequenceStart, 0);
            }

            record.CopyTo(body, 5);
            _sentVps = _vps;
            _sentSps = _sps;
            _sentPps = _pps;
            SequenceHeaders++;
            return body;
        }

        private static bool Same(byte[]? a, byte[]? b) => a != null && b != null && a.AsSpan().SequenceEqual(b);
    }
}
