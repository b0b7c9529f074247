using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// The RTP face of one publish: its tracks (from the FLV sequence headers), its SDP, and every
    /// published FLV tag body as RTP packets, made once and shared by all RTSP players. Video is
    /// H.264 or H.265 at 90 kHz stamped with its presentation time (decode time plus composition
    /// offset), key frames led by the current parameter sets in band when they carry none (RTMP
    /// encoders send them only in the sequence header, and decoders joining a running RTSP stream
    /// look for them in front of the IDR); audio is AAC-hbr at its sample rate.
    /// </summary>
    public sealed class PublishPacketizer
    {
        private const byte VideoPayloadType = 96;
        private const byte AudioPayloadType = 97;
        private readonly WireLimits _limits;
        private readonly RtpVideoPacketizer? _video;
        private readonly AacPacketizer? _audio;
        private readonly uint _videoBase;
        private readonly uint _audioBase;
        private readonly List<RtspTrack> _tracks = new List<RtspTrack>();
        private byte[] _parameterSets = Array.Empty<byte>();
        private List<NalUnitRange> _parameterSetUnits = new List<NalUnitRange>();
        private int _nalLengthSize;
        private readonly DateTime _wallClock;

        // One clock for both tracks, so they stay in step; audio's sample clock is no multiple of 1000.
        private MillisecondClock _clock;

        private PublishPacketizer(WireLimits limits, DateTime wallClock, Random random, byte[]? videoConfig, byte[]? audioConfig)
        {
            _limits = limits;
            _wallClock = wallClock;
            if (videoConfig != null && TryVideoTrack(videoConfig, random, out var track, out _video))
            {
                _videoBase = NextUInt(random);
                _tracks.Add(track!);
            }

            if (audioConfig != null && TryAudioConfig(audioConfig, out var config, out var raw))
            {
                var ssrc = NextUInt(random);
                _audio = new AacPacketizer(AudioPayloadType, ssrc, (ushort)random.Next(0, 65536), headroom: RtpFrame.Headroom);
                _audioBase = NextUInt(random);
                AudioTrack = new RtspTrack(_tracks.Count, false, "MPEG4-GENERIC", AudioPayloadType, config!.SampleRate, ssrc, AacMediaDescription.Write(AudioPayloadType, raw!, control: "trackID=" + _tracks.Count));
                _tracks.Add(AudioTrack);
            }
        }

        /// <summary>The tracks in SDP order: video first when there is video.</summary>
        public IReadOnlyList<RtspTrack> Tracks => _tracks;

        /// <summary>The video track, or null.</summary>
        public RtspTrack? VideoTrack => _video == null ? null : _tracks[0];

        /// <summary>The audio track, or null.</summary>
        public RtspTrack? AudioTrack { get; }

        /// <summary>
        /// The packetizer of a publish whose sequence headers are <paramref name="videoConfig"/>
        /// and <paramref name="audioConfig"/> (FLV tag bodies, either null), or null when neither
        /// is a codec RTSP carries here (H.264, H.265, AAC) or parses.
        /// </summary>
        /// <param name="videoConfig">The video sequence header tag body, or null.</param>
        /// <param name="audioConfig">The audio sequence header tag body, or null.</param>
        /// <param name="limits">Bounds on the decoder configuration records.</param>
        /// <param name="wallClock">The wall-clock time sender reports give the first frame packetized.</param>
        /// <param name="random">Picks SSRCs, first sequence numbers and timestamp bases (RFC 3550 §5.1 wants them random).</param>
        public static PublishPacketizer? Create(byte[]? videoConfig, byte[]? audioConfig, WireLimits limits, DateTime wallClock, Random random)
        {
            var packetizer = new PublishPacketizer(limits, wallClock, random, videoConfig, audioConfig);
            return packetizer._tracks.Count == 0 ? null : packetizer;
        }

        /// <summary>The SDP of the publish for DESCRIBE, its tracks' control URLs relative ("trackID=N").</summary>
        public string Sdp(string name, ulong sessionId)
        {
            var sections = new List<string>();
            foreach (var track in _tracks)
            {
                sections.Add(track.Sdp);
            }

            return SessionDescription.Write(name, sessionId, sections);
        }

        /// <summary>
        /// The RTP packets of one published tag body at <paramref name="milliseconds"/>, or null for
        /// what RTP does not carry (sequence headers, which update the parameter sets, metadata,
        /// other codecs, a damaged tag). Called in publish order.
        /// </summary>
        public RtpFrame? Packetize(bool isVideo, ReadOnlySpan<byte> body, uint milliseconds)
        {
            try
            {
                return isVideo ? PacketizeVideo(body, milliseconds) : PacketizeAudio(body, milliseconds);
            }
            catch (MediaFormatException)
            {
                // A damaged frame is the publisher's problem: RTSP players miss it as RTMP players would fail to decode it.
                return null;
            }
        }

        private RtpFrame? PacketizeVideo(ReadOnlySpan<byte> body, uint milliseconds)
        {
            if (_video == null || !VideoTagHeader.TryParse(body, out var header))
            {
                return null;
            }

            if (header.IsSequenceHeader)
            {
                UpdateParameterSets(body.Slice(header.DataOffset), header.Codec);
                return null;
            }

            if (header.PacketKind != VideoPacketKind.CodedFrames || header.IsCommandFrame)
            {
                return null;
            }

            var data = body.Slice(header.DataOffset);
            var units = AnnexB.FindLengthPrefixed(data, _nalLengthSize);
            if (units.Count == 0)
            {
                return null;
            }

            var presentation = _clock.Unwrap(milliseconds) + header.CompositionTime;
            var timestamp = unchecked(_videoBase + (uint)(presentation * 90));
            var packets = new List<byte[]>();
            if (header.IsKeyFrame && !CarriesParameterSets(data, units))
            {
                _video.Packetize(_parameterSets, _parameterSetUnits, timestamp, packets, endsAccessUnit: false);
            }

            _video.Packetize(data, units, timestamp, packets, endsAccessUnit: true);
            return Frame(_tracks[0], timestamp, presentation, header.IsKeyFrame, packets);
        }

        private RtpFrame? PacketizeAudio(ReadOnlySpan<byte> body, uint milliseconds)
        {
            if (_audio == null || !AudioTagHeader.TryParse(body, out var header) || header.IsSequenceHeader)
            {
                return null;
            }

            if (header.Codec != AudioCodec.Aac && header.FourCc != FourCc.Mp4a)
            {
                return null;
            }

            var frame = body.Slice(header.DataOffset);
            if (frame.IsEmpty || frame.Length >= 1 << 13)
            {
                return null;
            }

            var presentation = _clock.Unwrap(milliseconds);
            var track = AudioTrack!;
            var timestamp = unchecked(_audioBase + (uint)(presentation * track.ClockRate / 1000));
            return Frame(track, timestamp, presentation, false, _audio.Packetize(frame, timestamp));
        }

        private RtpFrame Frame(RtspTrack track, uint timestamp, long presentation, bool key, List<byte[]> packets)
        {
            long payload = 0;
            var channel = (byte)(track.Index * 2);
            foreach (var packet in packets)
            {
                var length = packet.Length - RtpFrame.Headroom;
                packet[0] = (byte)'$';
                packet[1] = channel;
                packet[2] = (byte)(length >> 8);
                packet[3] = (byte)length;
                payload += length - RtpHeader.Length;
            }

            return new RtpFrame(track, timestamp, _wallClock.AddMilliseconds(presentation), key, packets, payload);
        }

        private bool TryVideoTrack(byte[] body, Random random, out RtspTrack? track, out RtpVideoPacketizer? packetizer)
        {
            track = null;
            packetizer = null;
            if (!VideoTagHeader.TryParse(body, out var header) || !header.IsSequenceHeader || (header.Codec != VideoCodec.Avc && header.Codec != VideoCodec.Hevc))
            {
                return false;
            }

            var ssrc = NextUInt(random);
            var sequence = (ushort)random.Next(0, 65536);
            try
            {
                var record = body.AsSpan(header.DataOffset);
                string sdp;
                if (header.Codec == VideoCodec.Avc)
                {
                    var avc = AvcDecoderConfigurationRecord.Parse(record, _limits);
                    if (avc.Sps.Count == 0 || avc.Pps.Count == 0)
                    {
                        return false;
                    }

                    sdp = H264MediaDescription.Write(VideoPayloadType, avc.Sps[0], avc.Pps[0], control: "trackID=0");
                    packetizer = new H264Packetizer(VideoPayloadType, ssrc, sequence, headroom: RtpFrame.Headroom);
                    track = new RtspTrack(0, true, "H264", VideoPayloadType, 90000, ssrc, sdp);
                }
                else
                {
                    var hevc = HevcDecoderConfigurationRecord.Parse(record, _limits);
                    byte[]? vps = First(hevc, 32), sps = First(hevc, 33), pps = First(hevc, 34);
                    if (vps == null || sps == null || pps == null)
                    {
                        return false;
                    }

                    sdp = H265MediaDescription.Write(VideoPayloadType, vps, sps, pps, control: "trackID=0");
                    packetizer = new H265Packetizer(VideoPayloadType, ssrc, sequence, headroom: RtpFrame.Headroom);
                    track = new RtspTrack(0, true, "H265", VideoPayloadType, 90000, ssrc, sdp);
                }

                UpdateParameterSets(record, header.Codec);
                return true;
            }
            catch (Exception e) when (e is MediaFormatException || e is ArgumentException)
            {
                track = null;
                packetizer = null;
                return false;
            }
        }

        private static bool TryAudioConfig(byte[] body, out AudioSpecificConfig? config, out byte[]? raw)
        {
            config = null;
            raw = null;
            if (!AudioTagHeader.TryParse(body, out var header) || !header.IsAacSequenceHeader)
            {
                return false;
            }

            try
            {
                raw = body.AsSpan(header.DataOffset).ToArray();
                config = AudioSpecificConfig.Parse(raw);
                return config.SampleRate > 0 && config.ChannelCount > 0;
            }
            catch (MediaFormatException)
            {
                return false;
            }
        }

        // The parameter sets a key frame without its own gets in front, in decode order (VPS, SPS, PPS).
        private void UpdateParameterSets(ReadOnlySpan<byte> record, VideoCodec codec)
        {
            var sets = new List<byte[]>();
            if (codec == VideoCodec.Avc && _video is H264Packetizer)
            {
                var avc = AvcDecoderConfigurationRecord.Parse(record, _limits);
                sets.AddRange(avc.Sps);
                sets.AddRange(avc.Pps);
                _nalLengthSize = avc.NalLengthSize;
            }
            else if (codec == VideoCodec.Hevc && _video is H265Packetizer)
            {
                var hevc = HevcDecoderConfigurationRecord.Parse(record, _limits);
                foreach (var type in new[] { 32, 33, 34 })
                {
                    foreach (var array in hevc.Arrays)
                    {
                        if (array.NalType == type)
                        {
                            sets.AddRange(array.Units);
                        }
                    }
                }

                _nalLengthSize = hevc.NalLengthSize;
            }
            else
            {
                // A sequence header of another codec mid-publish: the SDP cannot say so; keep the old sets.
                return;
            }

            var units = new List<NalUnitRange>();
            var bytes = new List<byte>();
            foreach (var set in sets)
            {
                units.Add(new NalUnitRange(bytes.Count, set.Length));
                bytes.AddRange(set);
            }

            _parameterSets = bytes.ToArray();
            _parameterSetUnits = units;
        }

        private bool CarriesParameterSets(ReadOnlySpan<byte> data, List<NalUnitRange> units)
        {
            foreach (var unit in units)
            {
                var type = _video is H265Packetizer ? (data[unit.Offset] >> 1) & 0x3F : data[unit.Offset] & 0x1F;
                if (type == (_video is H265Packetizer ? 33 : 7))
                {
                    return true;
                }
            }

            return false;
        }

        private static byte[]? First(HevcDecoderConfigurationRecord record, int type)
        {
            foreach (var array in record.Arrays)
            {
                if (array.NalType == type && array.Units.Count > 0)
                {
                    return array.Units[0];
                }
            }

            return null;
        }

        private static uint NextUInt(Random random)
        {
            var bytes = new byte[4];
            random.NextBytes(bytes);
            return BitConverter.ToUInt32(bytes, 0);
        }
    }
}
