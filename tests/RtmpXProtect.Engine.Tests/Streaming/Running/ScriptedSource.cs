using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    /// <summary>A source the test feeds frame by frame; <see cref="End"/> ends the current opening, and the streamer may reopen it.</summary>
    internal sealed class ScriptedSource : IFrameSource
    {
        private readonly object _gate = new object();
        private Channel<MediaFrame> _current = Channel.CreateUnbounded<MediaFrame>();
        private int _openings;

        public string Description => "scripted";

        public int Openings => Volatile.Read(ref _openings);

        public bool Disposed { get; private set; }

        public void Push(MediaFrame frame)
        {
            lock (_gate)
            {
                _current.Writer.TryWrite(frame);
            }
        }

        public void End()
        {
            lock (_gate)
            {
                _current.Writer.TryComplete();
                _current = Channel.CreateUnbounded<MediaFrame>();
            }
        }

        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Channel<MediaFrame> channel;
            lock (_gate)
            {
                channel = _current;
            }

            Interlocked.Increment(ref _openings);
            await foreach (var frame in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return frame;
            }
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return default;
        }
    }
}
