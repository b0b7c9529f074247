using System;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>When to refresh: before the shorter of the OAuth and recorder lifetimes ends.</summary>
    public static class TokenSchedule
    {
        /// <summary>
        /// The refresh time: <paramref name="margin"/> before the earlier expiry, but never sooner
        /// than half-way through the shorter lifetime, so a server that hands out one-minute
        /// tokens is not asked again in a loop.
        /// </summary>
        public static DateTimeOffset RefreshAt(DateTimeOffset issued, DateTimeOffset accessExpires, DateTimeOffset recorderExpires, TimeSpan margin)
        {
            var earlier = accessExpires < recorderExpires ? accessExpires : recorderExpires;
            var halfway = issued + TimeSpan.FromTicks(Math.Max(0, (earlier - issued).Ticks / 2));
            var withMargin = earlier - margin;
            return withMargin > halfway ? withMargin : halfway;
        }
    }
}
