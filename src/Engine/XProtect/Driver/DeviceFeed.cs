using System;
using System.Collections.Generic;
using System.Threading;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// What one Recording Server session takes from a device: its video (or, for the microphone,
    /// its audio) as <see cref="DriverFrame"/>s, queued as they arrive and taken with
    /// <see cref="TryGetFrame"/>. The queue is bounded: a session that stops pulling loses whole
    /// GOPs, oldest first, never the publisher's pace or another session's frames. While the
    /// device is offline nothing is queued: no offline picture is ever recorded as video.
    /// </summary>
    public sealed class DeviceFeed : IMediaSink
    {
        /// <summary>Frames kept for a session that does not pull: about 20 s of 30 fps video.</summary>
        public const int DefaultCapacity = 600;

        private readonly bool _audio;
        private readonly AacFraming _framing;
        private readonly int _capacity;
        private readonly Func<DateTimeOffset> _now;
        private readonly Queue<DriverFrame> _frames = new Queue<DriverFrame>();
        private readonly object _gate = new object();
        private readonly FlvToAnnexB _video = new FlvToAnnexB();
        private readonly DriverTimeline _timeline = new DriverTimeline();
        private AudioSpecificConfig? _audioConfig;
        private MillisecondClock _clock;
        private ushort _sequence;
        private DateTimeOffset _syncTime;
        private bool _synced;

        /// <summary>
        /// A feed of a device's video, or with <paramref name="audio"/> its AAC audio framed as
        /// <paramref name="framing"/> says, timed by <paramref name="now"/> (the wall clock when null).
        /// </summary>
        public DeviceFeed(bool audio = false, int capacity = DefaultCapacity, Func<DateTimeOffset>? now = null, AacFraming framing = AacFraming.Adts)
        {
            _audio = audio;
            _framing = framing;
            _capacity = capacity >= 2 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A feed holds at least 2 frames.");
            _now = now ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>Whether a publisher is sending to the device now.</summary>
        public bool IsOnline { get; private set; }

        /// <summary>Frames dropped because the session did not pull them in time, or could not be read.</summary>
        public long Dropped { get; private set; }

        /// <summary>
        /// The next frame, waiting up to <paramref name="timeout"/> for one; false when none came.
        /// Returns at once when a frame is queued, and never waits longer than asked.
        /// </summary>
        public bool TryGetFrame(TimeSpan timeout, out DriverFrame? frame)
        {
            lock (_gate)
            {
                if (_frames.Count == 0 && timeout > TimeSpan.Zero)
                {
                    Monitor.Wait(_gate, timeout);
                }

                frame = _frames.Count > 0 ? _frames.Dequeue() : null;
                return frame != null;
            }
        }

        /// <inheritdoc />
        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
            lock (_gate)
            {
                IsOnline = true;
                _clock = default;
                _synced = false;
                _timeline.Restart();
            }

            foreach (var frame in cached)
            {
                OnFrame(frame);
            }
        }

        /// <inheritdoc />
        public void OnFrame(MediaFrame frame)
        {
            var converted = _audio ? Audio(frame) : Video(frame);
            if (converted == null)
            {
                return;
            }

            lock (_gate)
            {
                if (_frames.Count >= _capacity)
                {
                    DropOldestGop();
                }

                _frames.Enqueue(converted);
                Monitor.PulseAll(_gate);
            }
        }

        /// <inheritdoc />
        public void OnStop()
        {
            lock (_gate)
            {
                IsOnline = false;
                Monitor.PulseAll(_gate);
            }
        }

        private DriverFrame? Video(MediaFrame frame)
        {
            if (frame.Kind != FrameKind.VideoConfig && frame.Kind != FrameKind.VideoKeyFrame && frame.Kind != FrameKind.Video)
            {
                return null;
            }

            byte[]? data;
            VideoTagHeader header;
            try
            {
                data = _video.Convert(frame.Message.Payload.Span, out header);
            }
            catch (MediaFormatException)
            {
                // One malformed tag is one lost picture; the next key frame starts clean.
                Dropped++;
                _synced = false;
                return null;
            }

            if (data == null || (!_synced && !header.IsKeyFrame))
            {
                return null;
            }

            var (_, presentation) = Place(frame, header.CompositionTime);
            if (header.IsKeyFrame)
            {
                _synced = true;
                _syncTime = presentation;
            }

            return new DriverFrame(_video.Codec, false, data, header.IsKeyFrame, _sequence++, _syncTime, presentation);
        }

        private DriverFrame? Audio(MediaFrame frame)
        {
            var body = frame.Message.Payload.Span;
            if (!AudioTagHeader.TryParse(body, out var header) || header.Codec != AudioCodec.Aac)
            {
                return null;
            }

            try
            {
                if (header.IsAacSequenceHeader)
                {
                    _audioConfig = AudioSpecificConfig.Parse(body.Slice(header.DataOffset));
                    return null;
                }

                if (_audioConfig == null)
                {
                    return null;
                }

                var raw = body.Slice(header.DataOffset);
                var data = _framing == AacFraming.Raw ? raw.ToArray() : Adts(raw, _audioConfig);
                var (_, time) = Place(frame, 0);
                return new DriverFrame(VideoCodec.Unknown, true, data, true, _sequence++, time, time, _audioConfig.SampleRate, _audioConfig.ChannelCount);
            }
            catch (Exception e) when (e is MediaFormatException || e is ArgumentException)
            {
                Dropped++;
                return null;
            }
        }

        private static byte[] Adts(ReadOnlySpan<byte> raw, AudioSpecificConfig config)
        {
            var data = new byte[AdtsHeader.Length + raw.Length];
            AdtsHeader.Write(data, config, raw.Length);
            raw.CopyTo(data.AsSpan(AdtsHeader.Length));
            return data;
        }

        private (DateTimeOffset Decode, DateTimeOffset Presentation) Place(MediaFrame frame, int composition)
        {
            var (decode, presentation) = _timeline.Place(_clock.Unwrap(frame.Message.Timestamp), composition, _now().ToUnixTimeMilliseconds());
            return (DateTimeOffset.FromUnixTimeMilliseconds(decode), DateTimeOffset.FromUnixTimeMilliseconds(presentation));
        }

        // The oldest frames up to the next sync frame: what is left still decodes.
        private void DropOldestGop()
        {
            do
            {
                _frames.Dequeue();
                Dropped++;
            }
            while (_frames.Count > 0 && !_frames.Peek().IsSync);
        }
    }
}
