using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>What a bitstream says a frame lasts, kept only when it could be a video frame rate.</summary>
    internal static class FrameDurations
    {
        /// <summary>
        /// <paramref name="seconds"/> as a duration when it is 1 ms–10 s (1000 to 0.1 fps), else null:
        /// a VUI may give a field rate, a maximum rate, or nonsense, and the stamps are then the better clock.
        /// </summary>
        public static TimeSpan? Plausible(double seconds) =>
            seconds >= 0.001 && seconds <= 10 ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)) : (TimeSpan?)null;
    }
}
