using System.Collections.Generic;
using System.Threading;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One playing stream of a connection as a subscriber of a live stream: queues the shared
    /// framed bytes, and when the player falls behind, drops to the next keyframe, then gives up.
    /// It keeps nothing of a frame but its chunks, which its connection's queue holds until sent.
    /// </summary>
    internal sealed class PlayerSink : IFrameCopyingSink
    {
        // Without video there is no keyframe to resume at; any audio frame is a clean start, and
        // this much stream time stands in for one GOP when counting how long a player stays behind.
        private const uint AudioOnlyGopMilliseconds = 1000;
        private const uint AudioHoldMilliseconds = 50;
        private readonly RtmpConnection _connection;
        private readonly PlayerQueuePolicy _policy;
        private readonly MergedWriteGate _merge;
        private bool _skipping;
        private int _keyFramesSkipped;
        private long _framesDropped;
        private bool _sawVideo;
        private long _joinBurst;
        private uint _lastVideoTimestamp;
        private uint _skippingSince;

        public PlayerSink(RtmpConnection connection, uint streamId, string name, PlayerQueuePolicy policy)
        {
            _connection = connection;
            StreamId = streamId;
            Name = name;
            _policy = policy;
            _merge = new MergedWriteGate(policy);
        }

        public uint StreamId { get; }

        public string Name { get; }

        public bool WantsAudio { get; set; } = true;

        public bool WantsVideo { get; set; } = true;

        public long FramesDropped => Interlocked.Read(ref _framesDropped);

        public LiveStream? Stream { get; set; }

        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
            _skipping = false;
            _keyFramesSkipped = 0;
            _sawVideo = false;
            if (newPublisher)
            {
                _connection.NotifyPublished(StreamId, Name);
            }

            long burst = 0;
            foreach (var frame in cached)
            {
                _sawVideo |= IsVideo(frame.Kind);
                burst += Send(frame);
            }

            // The cached GOP a joiner gets at once is what makes its video start at once; it is not
            // held against the player as lag (it is bounded by the GOP cache budget).
            _joinBurst = burst;
        }

        public void OnFrame(MediaFrame frame)
        {
            _sawVideo |= IsVideo(frame.Kind);
            if (frame.Kind == FrameKind.Video || frame.Kind == FrameKind.VideoKeyFrame)
            {
                _lastVideoTimestamp = frame.Message.Timestamp;
            }

            if (frame.IsConfig)
            {
                Send(frame);
                return;
            }

            if ((!WantsAudio && frame.Kind == FrameKind.Audio) || (!WantsVideo && (frame.Kind == FrameKind.Video || frame.Kind == FrameKind.VideoKeyFrame)))
            {
                return;
            }

            var total = _connection.QueuedBytes;
            if (total < _joinBurst)
            {
                // The allowance shrinks as the burst drains, down to nothing.
                _joinBurst = total;
            }

            var queued = total - _joinBurst;
            if (queued > _policy.DisconnectAboveBytes)
            {
                _connection.Abort(RejectionReason.PlayerTooSlow, $"{queued} bytes queued");
                return;
            }

            if (_skipping)
            {
                var audioOnly = !_sawVideo || !WantsVideo;
                var resumePoint = frame.Kind == FrameKind.VideoKeyFrame || (audioOnly && frame.Kind == FrameKind.Audio);
                if (resumePoint)
                {
                    if (queued <= _policy.SkipAboveBytes)
                    {
                        _skipping = false;
                        _keyFramesSkipped = 0;
                        _connection.LogCaughtUp(StreamId, FramesDropped);
                    }
                    else if (frame.Kind == FrameKind.VideoKeyFrame && ++_keyFramesSkipped >= _policy.MaxKeyFramesSkipped)
                    {
                        _connection.Abort(RejectionReason.PlayerTooSlow, $"stayed behind for {_keyFramesSkipped} keyframes ({queued} bytes queued)");
                        return;
                    }
                    else if (frame.Kind == FrameKind.Audio && unchecked(frame.Message.Timestamp - _skippingSince) >= (uint)_policy.MaxKeyFramesSkipped * AudioOnlyGopMilliseconds)
                    {
                        _connection.Abort(RejectionReason.PlayerTooSlow, $"stayed behind for {unchecked(frame.Message.Timestamp - _skippingSince)} ms of audio ({queued} bytes queued)");
                        return;
                    }
                }

                if (_skipping)
                {
                    Interlocked.Increment(ref _framesDropped);
                    return;
                }
            }
            else if (queued > _policy.SkipAboveBytes)
            {
                _skipping = true;
                _skippingSince = frame.Message.Timestamp;
                _connection.LogFallingBehind(StreamId, queued);
                Interlocked.Increment(ref _framesDropped);
                return;
            }

            var bytes = frame.Framed(StreamId, _connection.ChunkSize, out var owner);
            var flush = !RidesWithNextVideo(frame) && !_merge.MayWait(frame.Message.Timestamp, bytes.Length, Stream?.SinkCount ?? 0);
            Enqueue(frame.Message.Timestamp, bytes, owner, flush);
        }

        public void OnStop() => _connection.NotifyUnpublished(StreamId, Name);

        private static bool IsVideo(FrameKind kind) => kind == FrameKind.Video || kind == FrameKind.VideoKeyFrame || kind == FrameKind.VideoConfig;

        /// <summary>
        /// Audio between video frames waits for the next one and goes out in its send: one
        /// syscall per video frame instead of one per message, which is most of fan-out's cost.
        /// Players order by timestamp, so audio held back by at most one frame interval
        /// (AudioHoldMilliseconds at the most, and never when video has stopped) plays as before.
        /// </summary>
        private bool RidesWithNextVideo(MediaFrame frame)
            => frame.Kind == FrameKind.Audio && _sawVideo && WantsVideo
               && (uint)RtmpXProtect.Engine.Rtmp.RtmpTime.Delta(frame.Message.Timestamp, _lastVideoTimestamp) < AudioHoldMilliseconds;

        private int Send(MediaFrame frame) => Enqueue(frame.Message.Timestamp, frame.Framed(StreamId, _connection.ChunkSize, out var owner), owner, flush: true);

        // The queue takes over the reference retained on a pooled frame's buffer.
        private int Enqueue(uint timestamp, System.ReadOnlyMemory<byte> bytes, RtmpXProtect.Engine.Buffers.SharedBuffer? owner, bool flush)
        {
            _merge.Wrote(timestamp, bytes.Length, flush);
            _connection.Enqueue(bytes, owner, flush);
            Stream?.AddBytesSent(bytes.Length);
            return bytes.Length;
        }
    }
}
