using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// The hub's side of an <see cref="IngestPathSource"/>: it is called on the publisher's
    /// thread, so it only queues. When the reader falls behind it drops whole GOPs (up to the
    /// next keyframe) instead of growing: a partial GOP would not decode anyway.
    /// </summary>
    internal sealed class IngestPathSink : IMediaSink
    {
        private readonly object _gate = new object();
        private readonly Queue<MediaFrame> _queue = new Queue<MediaFrame>();
        private readonly SemaphoreSlim _ready = new SemaphoreSlim(0);
        private readonly int _capacity;
        private bool _awaitingKeyFrame;
        private bool _sawVideo;
        private bool _stopped;

        public IngestPathSink(int capacity)
        {
            _capacity = capacity;
        }

        public long Dropped { get; private set; }

        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
            foreach (var frame in cached)
            {
                OnFrame(frame);
            }
        }

        public void OnFrame(MediaFrame frame)
        {
            lock (_gate)
            {
                if (_stopped || !Admit(frame))
                {
                    return;
                }

                _queue.Enqueue(frame);
            }

            _ready.Release();
        }

        public void OnStop()
        {
            lock (_gate)
            {
                _stopped = true;
            }

            _ready.Release();
        }

        /// <summary>The next frame, or null once the publisher stopped and every queued frame was read.</summary>
        public async Task<MediaFrame?> TakeAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_queue.Count > 0)
                    {
                        return _queue.Dequeue();
                    }

                    if (_stopped)
                    {
                        return null;
                    }
                }
            }
        }

        private bool Admit(MediaFrame frame)
        {
            bool isVideo = frame.Kind == FrameKind.Video || frame.Kind == FrameKind.VideoKeyFrame;
            _sawVideo |= isVideo;

            // Headers are never dropped while there is any room, but a publisher sending nothing
            // else must not grow the queue either: twice the capacity is the hard bound.
            if (frame.IsConfig)
            {
                return Count(_queue.Count < 2 * _capacity);
            }

            if (_awaitingKeyFrame)
            {
                if (frame.Kind == FrameKind.VideoKeyFrame && _queue.Count < _capacity)
                {
                    _awaitingKeyFrame = false;
                    return true;
                }

                return Count(false);
            }

            if (_queue.Count < _capacity)
            {
                return true;
            }

            // Audio-only streams have no keyframes to resume at: they drop until there is room.
            _awaitingKeyFrame = _sawVideo;
            return Count(false);
        }

        private bool Count(bool admitted)
        {
            if (!admitted)
            {
                Dropped++;
            }

            return admitted;
        }
    }
}
