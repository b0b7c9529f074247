using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// A path of the in-process ingest server (for example live/cam1), read straight from its
    /// <see cref="StreamHub"/> with no socket. It waits for a publisher and ends when that
    /// publisher stops.
    /// </summary>
    public sealed class IngestPathSource : IFrameSource
    {
        /// <summary>Frames queued for a slow reader before it drops to the next keyframe (about 10 s of 25 fps video with audio).</summary>
        public const int DefaultCapacity = 512;

        private readonly StreamHub _hub;
        private readonly string _key;
        private readonly int _capacity;
        private IngestPathSink? _sink;

        /// <summary>Reads the stream <paramref name="key"/> ("app/name") of <paramref name="hub"/>.</summary>
        public IngestPathSource(StreamHub hub, string key, int capacity = DefaultCapacity)
        {
            _hub = hub ?? throw new ArgumentNullException(nameof(hub));
            _key = key ?? throw new ArgumentNullException(nameof(key));
            if (capacity < 16)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The queue needs room for at least 16 frames.");
            }

            _capacity = capacity;
        }

        /// <inheritdoc />
        /// <remarks>The stream name may be a publisher's key: only the application is shown.</remarks>
        public string Description => $"ingest path {Mask(_key)}";

        /// <summary>Frames dropped because the reader fell behind, over the current read.</summary>
        public long DroppedFrames => _sink?.Dropped ?? 0;

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var sink = new IngestPathSink(_capacity);
            _sink = sink;
            var stream = _hub.Subscribe(_key, sink);
            try
            {
                while (await sink.TakeAsync(cancellationToken).ConfigureAwait(false) is MediaFrame frame)
                {
                    yield return frame;
                }
            }
            finally
            {
                _hub.Unsubscribe(stream, sink);
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private static string Mask(string key)
        {
            int slash = key.IndexOf('/');
            return slash < 0 ? "****" : key.Substring(0, slash) + "/****";
        }
    }
}
