using System;
using System.Threading;
using RtmpXProtect.Engine.Media;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Follows one publish to raise its StreamStarted and StreamStopped exactly once each, in that
    /// order. Started waits for the codecs: it fires when both sequence headers arrived, or at the
    /// first coded frame (encoders send their headers before it, so none is coming), or
    /// <see cref="StartWait"/> after the publish began (a stream that sends nothing useful still
    /// gets reported), or just before Stopped — whichever comes first.
    /// </summary>
    internal sealed class PublishTracker
    {
        /// <summary>Bound on how long Started waits for headers; long enough for any encoder to send them.</summary>
        internal static readonly TimeSpan StartWait = TimeSpan.FromSeconds(2);

        private const int Waiting = 0;
        private const int Started = 1;
        private const int Stopped = 2;
        private readonly RtmpServer _server;
        private readonly string _path;
        private readonly string _address;
        private readonly long _sessionId;
        private readonly DateTimeOffset _startedAt;
        private readonly TimeSpan _startedOnClock;
        private readonly object _gate = new object();
        private int _state;
        private long _bytes;
        private VideoDescription? _video;
        private AudioDescription? _audio;

        public PublishTracker(RtmpServer server, string path, string address, long sessionId)
        {
            _server = server;
            _path = path;
            _address = address;
            _sessionId = sessionId;
            _startedAt = DateTimeOffset.UtcNow;
            _startedOnClock = server.Now;
        }

        /// <summary>Called on the publisher's read loop for every frame it delivers.</summary>
        public void OnFrame(MediaFrame frame)
        {
            _bytes += frame.Message.Payload.Length;
            if (Volatile.Read(ref _state) != Waiting)
            {
                return;
            }

            switch (frame.Kind)
            {
                case FrameKind.VideoConfig:
                    _video = StreamDescription.DescribeVideo(frame.Message.Payload.Span, _server.Options.Limits) ?? _video;
                    break;
                case FrameKind.AudioConfig:
                    _audio = StreamDescription.DescribeAudio(frame.Message.Payload.Span) ?? _audio;
                    break;
                case FrameKind.Audio:
                case FrameKind.Video:
                case FrameKind.VideoKeyFrame:
                    // Legacy codecs without a sequence header are known from their first frame.
                    if (_video == null && frame.Kind != FrameKind.Audio)
                    {
                        _video = StreamDescription.DescribeVideo(frame.Message.Payload.Span, _server.Options.Limits);
                    }
                    else if (_audio == null && frame.Kind == FrameKind.Audio)
                    {
                        _audio = StreamDescription.DescribeAudio(frame.Message.Payload.Span);
                    }

                    Start();
                    return;
                default:
                    return;
            }

            if (_video != null && _audio != null)
            {
                Start();
            }
        }

        /// <summary>Called by the server's sweep: a publish waiting longer than <see cref="StartWait"/> is reported as it is.</summary>
        public void OnSweep(TimeSpan now)
        {
            if (now - _startedOnClock >= StartWait)
            {
                Start();
            }
        }

        /// <summary>Raises Started if it has not been, then Stopped with <paramref name="reason"/>; later calls do nothing.</summary>
        public void Stop(string reason)
        {
            // Under the gate: a Started the sweep is raising finishes before Stopped is raised.
            lock (_gate)
            {
                Start();
                if (_state != Started)
                {
                    return;
                }

                Volatile.Write(ref _state, Stopped);
                var duration = _server.Now - _startedOnClock;
                var seconds = duration.TotalSeconds;
                var kbps = seconds > 0 ? (long)(Interlocked.Read(ref _bytes) * 8 / 1000.0 / seconds) : 0;
                _server.RaiseStreamEvent(Make(StreamEventKind.StreamStopped, kbps, reason, duration));
            }
        }

        private void Start()
        {
            lock (_gate)
            {
                if (_state == Waiting)
                {
                    Volatile.Write(ref _state, Started);
                    _server.RaiseStreamEvent(Make(StreamEventKind.StreamStarted, 0, null, _server.Now - _startedOnClock));
                }
            }
        }

        private StreamEvent Make(StreamEventKind kind, long kbps, string? reason, TimeSpan duration) => new StreamEvent(
            kind,
            _path,
            _address,
            _sessionId,
            _video == null ? null : CodecName(_video.Codec),
            _video?.Width ?? 0,
            _video?.Height ?? 0,
            _audio?.Name,
            kbps,
            reason,
            _startedAt,
            duration);

        private static string CodecName(VideoCodec codec) => codec switch
        {
            VideoCodec.Avc => "h264",
            VideoCodec.Hevc => "h265",
            VideoCodec.Av1 => "av1",
            VideoCodec.Vp9 => "vp9",
            VideoCodec.Vp6 => "vp6",
            VideoCodec.Vp6Alpha => "vp6a",
            VideoCodec.SorensonH263 => "h263",
            VideoCodec.Screen => "screen",
            VideoCodec.ScreenV2 => "screen2",
            _ => "unknown",
        };
    }
}
