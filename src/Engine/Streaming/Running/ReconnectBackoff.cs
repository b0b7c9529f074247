using System;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// Exponential backoff with full jitter (a uniform delay between 0 and the capped exponential
    /// step), so many streamers that lost the same server do not come back in lockstep. Not
    /// thread-safe: each retry loop owns one.
    /// </summary>
    internal sealed class ReconnectBackoff
    {
        private readonly TimeSpan _initial;
        private readonly TimeSpan _max;
        private readonly Random _random;
        private int _attempt;

        public ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
        {
            if (initial <= TimeSpan.Zero || max < initial)
            {
                throw new ArgumentOutOfRangeException(nameof(initial), "The initial delay must be positive and not above the cap.");
            }

            _initial = initial;
            _max = max;
            _random = random;
        }

        /// <summary>The ceiling of the next delay: initial × 2^attempt, capped.</summary>
        public TimeSpan Ceiling
        {
            get
            {
                // Past 2^30 the cap has long been reached; the exponent is bounded so the double stays finite.
                var ticks = _initial.Ticks * Math.Pow(2, Math.Min(_attempt, 30));
                return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
            }
        }

        /// <summary>The delay before the next try; each call counts one more failure.</summary>
        public TimeSpan Next()
        {
            var ceiling = Ceiling;
            _attempt++;
            double share;

            // One Random serves every publisher of a streamer (and every stream of a supervisor), each
            // on its own thread; unsynchronised use can wreck its state into returning 0, a tight reconnect loop.
            lock (_random)
            {
                share = _random.NextDouble();
            }

            return TimeSpan.FromTicks((long)(share * ceiling.Ticks));
        }

        /// <summary>Forgets the failures: a connection that held long enough starts over at the initial delay.</summary>
        public void Reset() => _attempt = 0;
    }
}
