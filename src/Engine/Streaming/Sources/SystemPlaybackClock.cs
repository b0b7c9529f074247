using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>The real clock: a stopwatch (monotonic, unlike wall time) and Task.Delay.</summary>
    public sealed class SystemPlaybackClock : IPlaybackClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        /// <inheritdoc />
        public long ElapsedMilliseconds => _watch.ElapsedMilliseconds;

        /// <inheritdoc />
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
    }
}
