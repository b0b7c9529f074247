using System;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming.Sources;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    /// <summary>A clock whose delays pass at once and move its time on: pacing without waiting.</summary>
    internal sealed class VirtualPlaybackClock : IPlaybackClock
    {
        public long ElapsedMilliseconds { get; private set; }

        public long TotalDelayMilliseconds { get; private set; }

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ElapsedMilliseconds += (long)delay.TotalMilliseconds;
            TotalDelayMilliseconds += (long)delay.TotalMilliseconds;
            return Task.CompletedTask;
        }
    }
}
