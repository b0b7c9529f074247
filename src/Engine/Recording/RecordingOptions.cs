using System;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>How publishes are recorded: format, file names, segment length and retention.</summary>
    public sealed class RecordingOptions
    {
        /// <summary>MediaMTX's default layout: a folder per path, a file per segment named by its start (UTC).</summary>
        public const string DefaultPattern = "%path/%Y-%m-%d_%H-%M-%S-%f";

        /// <summary>The format; fragmented MP4 unless FLV is asked for.</summary>
        public RecordingFormat Format { get; set; } = RecordingFormat.Fmp4;

        /// <summary>
        /// File names below the recording folder, without extension: <c>%path</c> (the stream path,
        /// its slashes making folders) and the segment's start in UTC as <c>%Y %m %d %H %M %S</c> and
        /// <c>%f</c> (microseconds); <c>%%</c> is a percent sign. See <see cref="RecordingNames"/>.
        /// </summary>
        public string Pattern { get; set; } = DefaultPattern;

        /// <summary>A new file starts at the first key frame after this much media.</summary>
        public TimeSpan SegmentDuration { get; set; } = TimeSpan.FromHours(1);

        /// <summary>Files that ended longer ago than this are deleted; null keeps them.</summary>
        public TimeSpan? DeleteAfter { get; set; }

        /// <summary>A path's files beyond this many bytes in all are deleted, oldest first; null sets no limit.</summary>
        public long? MaxBytesPerPath { get; set; }

        /// <summary>Whether anything is ever deleted.</summary>
        public bool HasRetention => DeleteAfter != null || MaxBytesPerPath != null;
    }
}
