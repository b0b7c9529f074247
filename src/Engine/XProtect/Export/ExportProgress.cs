using System;

namespace RtmpXProtect.Engine.XProtect.Export
{
    /// <summary>How far an export has come; reported after every reply.</summary>
    public sealed class ExportProgress
    {
        /// <summary>Creates a report.</summary>
        public ExportProgress(long frames, long bytes, DateTimeOffset position, DateTimeOffset from, DateTimeOffset to, TimeSpan elapsed)
        {
            Frames = frames;
            Bytes = bytes;
            Position = position;
            From = from;
            To = to;
            Elapsed = elapsed;
        }

        /// <summary>Pictures written so far.</summary>
        public long Frames { get; }

        /// <summary>Bytes of media so far.</summary>
        public long Bytes { get; }

        /// <summary>The recording time reached.</summary>
        public DateTimeOffset Position { get; }

        /// <summary>Start of the range.</summary>
        public DateTimeOffset From { get; }

        /// <summary>End of the range.</summary>
        public DateTimeOffset To { get; }

        /// <summary>Time spent so far.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Share of the range done, 0–1.</summary>
        public double Fraction => To <= From ? 1 : Math.Max(0, Math.Min(1, (Position - From).TotalMilliseconds / (To - From).TotalMilliseconds));

        /// <summary>Recording time exported per second of wall time.</summary>
        public double TimesRealTime => Elapsed.TotalSeconds <= 0 ? 0 : (Position - From).TotalSeconds / Elapsed.TotalSeconds;

        /// <summary>Estimated time left, when the rate is known.</summary>
        public TimeSpan? Remaining => TimesRealTime <= 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(Math.Max(0, (To - Position).TotalSeconds / TimesRealTime));
    }
}
