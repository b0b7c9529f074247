using System;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>One recorded file, as the status API and `rtmpx record list` show it.</summary>
    public sealed class RecordingInfo
    {
        /// <summary>The stream path recorded (app/stream).</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The file, relative to the recording folder, '/' between folders.</summary>
        public string File { get; set; } = string.Empty;

        /// <summary>The format.</summary>
        public RecordingFormat Format { get; set; }

        /// <summary>When the file's first frame was recorded (UTC).</summary>
        public DateTimeOffset Start { get; set; }

        /// <summary>How long the file plays; null when it cannot be read.</summary>
        public TimeSpan? Duration { get; set; }

        /// <summary>The file's size in bytes.</summary>
        public long Bytes { get; set; }

        /// <summary>True while the server is still writing it.</summary>
        public bool InProgress { get; set; }

        /// <summary>Why the file could not be read, when it could not.</summary>
        public string? Error { get; set; }
    }
}
