using System;
using System.Collections.Generic;
using System.Globalization;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// The FLV face of a publish over RTSP (ANNOUNCE / RECORD): the tracks its SDP announces
    /// (H.264, H.265, AAC-hbr), and its RTP packets back into the FLV tags every RTMP and RTSP
    /// player of the path takes. RTP carries presentation times only, in decode order; the
    /// decode times FLV needs come from holding a few pictures back (<see cref="DecodeTimes{T}"/>).
    /// Both tracks start at their first packet, <see cref="DecodeTimes{T}.Shift"/> ms in. Parameter sets come
    /// from the SDP's sprop attributes or in band, whichever the first key frame has.
    /// </summary>
    public sealed class PublishDepacketizer
    {
        private readonly List<Track> _tracks = new List<Track>();

        private PublishDepacketizer()
        {
        }

        /// <summary>The a=control of each track, by index: what SETUP names.</summary>
        public IReadOnlyList<string> Controls
        {
            get
            {
                var controls = new List<string>();
                foreach (var track in _tracks)
                {
                    controls.Add(track.Control);
                }

                return controls;
            }
        }

        /// <summary>The publish of the announced <paramref name="media"/>; the sections of other codecs are set up but not carried.</summary>
        /// <exception cref="FormatException">No section is H.264, H.265 or AAC-hbr with what it needs.</exception>
        public static PublishDepacketizer Create(IReadOnlyList<SdpMedia> media)
        {
            var publish = new PublishDepacketizer();
            var carried = 0;
            var carriedKinds = 0;
            foreach (var section in media)
            {
                // A track of another codec (GStreamer's AAC as MP4A-LATM, Opus, ...) is set up like
                // the others, so the publish goes on, and its packets are dropped.
                // One video and one audio track are carried: more would only multiply what a publisher holds in memory.
                var track = Track.From(section, publish._tracks.Count);
                var kind = track is VideoTrack ? 1 : track is AudioTrack ? 2 : 0;
                if (kind != 0 && (carriedKinds & kind) != 0)
                {
                    track = new IgnoredTrack(track.Control);
                    kind = 0;
                }

                carriedKinds |= kind;
                carried += kind == 0 ? 0 : 1;
                publish._tracks.Add(track);
            }

            if (carried == 0)
            {
                throw new FormatException("The SDP announces no H.264, H.265 or AAC-hbr track.");
            }

            return publish;
        }

        /// <summary>The track a SETUP URL names (it ends with the track's control), or -1.</summary>
        public int TrackOf(string uri)
        {
            var question = uri.IndexOf('?');
            var path = (question < 0 ? uri : uri.Substring(0, question)).TrimEnd('/');
            for (int i = 0; i < _tracks.Count; i++)
            {
                var control = _tracks[i].Control;
                if (path.EndsWith("/" + control, StringComparison.Ordinal) || path == control)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The FLV tags an RTP packet of track <paramref name="track"/> completed.</summary>
        public IReadOnlyList<FlvFrame> Push(int track, ReadOnlySpan<byte> packet)
        {
            var frames = new List<FlvFrame>();
            if (track >= 0 && track < _tracks.Count)
            {
                _tracks[track].Push(packet, frames);
            }

            return frames;
        }

        /// <summary>What is still held back, at the end of the publish.</summary>
        public IReadOnlyList<FlvFrame> Flush()
        {
            var frames = new List<FlvFrame>();
            foreach (var track in _tracks)
            {
                track.Flush(frames);
            }

            return frames;
        }

        private abstract class Track
        {
            private bool _started;
            private uint _last;
            private long _extended;

            protected Track(string control, int clockRate)
            {
                Control = control;
                ClockRate = clockRate;
            }

            public string Control { get; }

            protected int ClockRate { get; }

            public static Track From(SdpMedia media, int index)
            {
                var control = media.Control ?? "trackID=" + index.ToString(CultureInfo.InvariantCulture);
                try
                {
                    if (media.Kind == "video" && (media.Encoding == "H264" || media.Encoding == "H265"))
                    {
                        return new VideoTrack(control, media);
                    }

                    if (media.Kind == "audio" && media.Encoding == "MPEG4-GENERIC" && media.ClockRate > 0 && AudioTrack.From(control, media) is AudioTrack audio)
                    {
                        return audio;
                    }
                }
                catch (Exception e) when (e is FormatException || e is MediaFormatException)
                {
                    // A section whose parameters do not parse is not carried, like one of another codec.
                }

                return new IgnoredTrack(control);
            }

            public abstract void Push(ReadOnlySpan<byte> packet, List<FlvFrame> frames);

            public abstract void Flush(List<FlvFrame> frames);

            // Milliseconds since the track's first packet; RTP's 32-bit clock unwrapped, small steps back allowed.
            protected long Milliseconds(uint timestamp)
            {
                if (!_started)
                {
                    _started = true;
                    _last = timestamp;
                }

                _extended += unchecked((int)(timestamp - _last));
                _last = timestamp;
                return _extended * 1000 / ClockRate;
            }
        }

        private sealed class VideoTrack : Track
        {
            private readonly RtpVideoDepacketizer _depacketizer;
            private readonly AnnexBToFlv _converter;
            private readonly DecodeTimes<(byte[] AccessUnit, bool Key)> _decodeTimes = new DecodeTimes<(byte[], bool)>();
            private readonly bool _hevc;
            private readonly byte[] _sprop;

            public VideoTrack(string control, SdpMedia media)
                : base(control, media.ClockRate > 0 ? media.ClockRate : 90000)
            {
                _hevc = media.Encoding == "H265";
                _depacketizer = _hevc ? new H265Depacketizer() : (RtpVideoDepacketizer)new H264Depacketizer();
                _converter = new AnnexBToFlv(_hevc ? VideoCodec.Hevc : VideoCodec.Avc);
                _sprop = Sprop(media);
            }

            public override void Push(ReadOnlySpan<byte> packet, List<FlvFrame> frames)
            {
                foreach (var unit in _depacketizer.Push(packet))
                {
                    Add(unit, frames);
                }
            }

            public override void Flush(List<FlvFrame> frames)
            {
                var last = _depacketizer.Flush();
                if (last != null)
                {
                    Add(last, frames);
                }

                foreach (var (dts, pts, item) in _decodeTimes.Flush())
                {
                    Convert(dts, pts, item, frames);
                }
            }

            private void Add(RtpAccessUnit unit, List<FlvFrame> frames)
            {
                if (!unit.Complete)
                {
                    // A picture missing a packet would decode to garbage, and so would what refers to it until the next key frame.
                    return;
                }

                var accessUnit = unit.AnnexB;
                var key = IsKey(accessUnit);
                if (key && _converter.SequenceHeaders == 0 && _sprop.Length > 0)
                {
                    var led = new byte[_sprop.Length + accessUnit.Length];
                    _sprop.CopyTo(led, 0);
                    accessUnit.CopyTo(led, _sprop.Length);
                    accessUnit = led;
                }

                foreach (var (dts, pts, item) in _decodeTimes.Push(Milliseconds(unit.Timestamp), (accessUnit, key)))
                {
                    Convert(dts, pts, item, frames);
                }
            }

            private void Convert(long dts, long pts, (byte[] AccessUnit, bool Key) item, List<FlvFrame> frames)
            {
                try
                {
                    foreach (var body in _converter.Convert(item.AccessUnit, dts, pts, item.Key))
                    {
                        frames.Add(new FlvFrame(true, unchecked((uint)dts), body));
                    }
                }
                catch (MediaFormatException)
                {
                    // Parameter sets that do not parse, or an offset FLV cannot hold: the picture is dropped, the publish goes on.
                }
            }

            private bool IsKey(byte[] accessUnit)
            {
                foreach (var unit in Media.Nal.AnnexB.FindNalUnits(accessUnit))
                {
                    var header = accessUnit[unit.Offset];
                    var type = _hevc ? (header >> 1) & 0x3F : header & 0x1F;
                    if (_hevc ? type >= 16 && type <= 23 : type == 5)
                    {
                        return true;
                    }
                }

                return false;
            }

            // The sprop parameter sets as Annex B, in decode order (VPS, SPS, PPS).
            private static byte[] Sprop(SdpMedia media)
            {
                var names = media.Encoding == "H265" ? new[] { "sprop-vps", "sprop-sps", "sprop-pps" } : new[] { "sprop-parameter-sets" };
                var bytes = new List<byte>();
                foreach (var name in names)
                {
                    if (!media.Format.TryGetValue(name, out var value))
                    {
                        continue;
                    }

                    foreach (var set in value.Split(','))
                    {
                        var nal = System.Convert.FromBase64String(set.Trim());
                        bytes.AddRange(new byte[] { 0, 0, 0, 1 });
                        bytes.AddRange(nal);
                    }
                }

                return bytes.ToArray();
            }
        }

        private sealed class IgnoredTrack : Track
        {
            public IgnoredTrack(string control)
                : base(control, 90000)
            {
            }

            public override void Push(ReadOnlySpan<byte> packet, List<FlvFrame> frames)
            {
            }

            public override void Flush(List<FlvFrame> frames)
            {
            }
        }

        private sealed class AudioTrack : Track
        {
            private readonly AacDepacketizer _depacketizer;
            private readonly byte[] _sequenceHeader;
            private bool _headerSent;

            private AudioTrack(string control, int clockRate, byte[] config)
                : base(control, clockRate)
            {
                var parsed = AudioSpecificConfig.Parse(config);
                _depacketizer = new AacDepacketizer(parsed.ExtensionSampleRate > 0 && parsed.ExtensionSampleRate != parsed.SampleRate ? 2048 : 1024);
                _sequenceHeader = new byte[2 + config.Length];
                _sequenceHeader[0] = 0xAF;
                config.CopyTo(_sequenceHeader, 2);
            }

            public static AudioTrack? From(string control, SdpMedia media)
            {
                var format = media.Format;
                if (!format.TryGetValue("mode", out var mode) || !mode.Equals("AAC-hbr", StringComparison.OrdinalIgnoreCase)
                    || !format.TryGetValue("sizelength", out var size) || size != "13"
                    || !format.TryGetValue("config", out var hex) || hex.Length == 0 || hex.Length % 2 != 0 || hex.Length > 64)
                {
                    return null;
                }

                var config = new byte[hex.Length / 2];
                for (int i = 0; i < config.Length; i++)
                {
                    config[i] = byte.Parse(hex.Substring(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }

                return new AudioTrack(control, media.ClockRate, config);
            }

            public override void Push(ReadOnlySpan<byte> packet, List<FlvFrame> frames)
            {
                foreach (var frame in _depacketizer.Push(packet))
                {
                    // Moved as far as the video's decode times are, so the tracks stay in step.
                    var timestamp = unchecked((uint)(Milliseconds(frame.Timestamp) + DecodeTimes<byte>.Shift));
                    if (!_headerSent)
                    {
                        _headerSent = true;
                        frames.Add(new FlvFrame(false, timestamp, _sequenceHeader));
                    }

                    var body = new byte[2 + frame.Data.Length];
                    body[0] = 0xAF;
                    body[1] = 1;
                    frame.Data.CopyTo(body, 2);
                    frames.Add(new FlvFrame(false, timestamp, body));
                }
            }

            public override void Flush(List<FlvFrame> frames)
            {
            }
        }
    }
}
