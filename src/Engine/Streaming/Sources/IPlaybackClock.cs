using System;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// The time a file source paces itself by: real time in service, a virtual clock in tests
    /// so an hour of looping runs in milliseconds.
    /// </summary>
    public interface IPlaybackClock
    {
        /// <summary>Milliseconds since an arbitrary origin; never goes back.</summary>
        long ElapsedMilliseconds { get; }

        /// <summary>Waits <paramref name="delay"/>.</summary>
        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
    }
}
