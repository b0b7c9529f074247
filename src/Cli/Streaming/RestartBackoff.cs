using System;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// How long to wait before restarting a crashed helper: doubling from <see cref="Initial"/> up
    /// to <see cref="Maximum"/>, so a helper that crashes at once does not spin, and back to the
    /// start after a run of <see cref="StableAfter"/>, so one crash a day always restarts quickly.
    /// Time is passed in: the supervisor's clock, a test's fake one.
    /// </summary>
    internal sealed class RestartBackoff
    {
        private int _crashes;

        public RestartBackoff(TimeSpan initial, TimeSpan maximum, TimeSpan stableAfter)
        {
            if (initial <= TimeSpan.Zero || maximum < initial || stableAfter <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(initial), "Backoff needs 0 < initial <= maximum and a positive stable time.");
            }

            Initial = initial;
            Maximum = maximum;
            StableAfter = stableAfter;
        }

        public static RestartBackoff Default => new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

        public TimeSpan Initial { get; }

        public TimeSpan Maximum { get; }

        public TimeSpan StableAfter { get; }

        /// <summary>The delay before the next start of a helper that ran from <paramref name="started"/> to <paramref name="exited"/>.</summary>
        public TimeSpan Next(DateTimeOffset started, DateTimeOffset exited)
        {
            if (exited - started >= StableAfter)
            {
                _crashes = 0;
            }

            var ticks = Initial.Ticks * Math.Pow(2, Math.Min(_crashes, 30));
            _crashes++;
            return ticks >= Maximum.Ticks ? Maximum : TimeSpan.FromTicks((long)ticks);
        }
    }
}
