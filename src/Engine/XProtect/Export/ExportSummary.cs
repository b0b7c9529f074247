using System;

namespace RtmpXProtect.Engine.XProtect.Export
{
    /// <summary>What an export wrote.</summary>
    public sealed class ExportSummary
    {
        /// <summary>The file written.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The camera exported.</summary>
        public string Camera { get; set; } = string.Empty;

        /// <summary>"h264", "hevc" or "mjpeg".</summary>
        public string Codec { get; set; } = string.Empty;

        /// <summary>Pictures written.</summary>
        public long Frames { get; set; }

        /// <summary>Recording time of the first picture.</summary>
        public DateTimeOffset? FirstPicture { get; set; }

        /// <summary>Recording time of the last picture.</summary>
        public DateTimeOffset? LastPicture { get; set; }

        /// <summary>Media duration of the file.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Gaps in the recording (kept, or closed with SkipGaps).</summary>
        public int Gaps { get; set; }

        /// <summary>Their total length.</summary>
        public TimeSpan GapTime { get; set; }

        /// <summary>Bytes of the file.</summary>
        public long Bytes { get; set; }

        /// <summary>Time the export took.</summary>
        public TimeSpan Elapsed { get; set; }

        /// <summary>Times the recorder connection was lost and the export resumed.</summary>
        public int Resumes { get; set; }

        /// <summary>GOPs whose recorder stamps were arrival times and were spread by picture order.</summary>
        public int RetimedGops { get; set; }

        /// <summary>Why the file ends before the range does (the camera changed codec), or null.</summary>
        public string? EndedEarly { get; set; }

        /// <summary>Megabytes (10^6) written per second.</summary>
        public double MegabytesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Bytes / 1e6 / Elapsed.TotalSeconds;

        /// <summary>Recording time exported per second of wall time.</summary>
        public double TimesRealTime => Elapsed.TotalSeconds <= 0 ? 0 : Duration.TotalSeconds / Elapsed.TotalSeconds;
    }
}
