using System;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// AMF dates are milliseconds since 1970-01-01 UTC as a double; this converts them to and from
    /// UTC <see cref="DateTime"/> with a range check, so NaN or a huge value is a format error
    /// instead of an <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    internal static class AmfDate
    {
        private static readonly long EpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private static readonly double MinMilliseconds = -EpochTicks / (double)TimeSpan.TicksPerMillisecond;
        private static readonly double MaxMilliseconds = (DateTime.MaxValue.Ticks - EpochTicks) / (double)TimeSpan.TicksPerMillisecond;

        public static DateTime FromMilliseconds(double milliseconds, string format)
        {
            if (double.IsNaN(milliseconds) || milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds)
            {
                throw new AmfFormatException(format + " date is outside the range of DateTime");
            }

            long ticks = EpochTicks + (long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond);
            ticks = Math.Max(0, Math.Min(DateTime.MaxValue.Ticks, ticks));
            return new DateTime(ticks, DateTimeKind.Utc);
        }

        /// <summary>A local time is converted to UTC; an unspecified one is taken as UTC already.</summary>
        public static double ToMilliseconds(DateTime value)
        {
            DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            return (utc.Ticks - EpochTicks) / (double)TimeSpan.TicksPerMillisecond;
        }
    }
}
