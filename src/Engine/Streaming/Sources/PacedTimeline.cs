using System;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>Holds frames back until their timestamp is due, measured from the first frame.</summary>
    internal sealed class PacedTimeline
    {
        private readonly IPlaybackClock _clock;
        private long? _startClock;
        private long _startTimestamp;

        public PacedTimeline(IPlaybackClock clock)
        {
            _clock = clock;
        }

        public async Task WaitForAsync(long timestamp, CancellationToken cancellationToken)
        {
            if (_startClock == null)
            {
                _startClock = _clock.ElapsedMilliseconds;
                _startTimestamp = timestamp;
                return;
            }

            long due = timestamp - _startTimestamp - (_clock.ElapsedMilliseconds - _startClock.Value);
            if (due > 0)
            {
                await _clock.DelayAsync(TimeSpan.FromMilliseconds(due), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
