using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Recording;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>Recording of publishes: where, in which format, how files are cut and named, and how long they are kept.</summary>
    public sealed class RecordSection
    {
        /// <summary>The folder recordings go to; null records nothing.</summary>
        [JsonPropertyName("directory")]
        public string? Directory { get; set; }

        /// <summary>fmp4 (fragmented MP4, the default) or flv.</summary>
        [JsonPropertyName("format")]
        public RecordingFormat Format { get; set; } = RecordingFormat.Fmp4;

        /// <summary>File names below the folder, without extension (see <see cref="RecordingNames"/>).</summary>
        [JsonPropertyName("pattern")]
        public string Pattern { get; set; } = RecordingOptions.DefaultPattern;

        /// <summary>Seconds of media per file; a new one starts at the next key frame.</summary>
        [JsonPropertyName("segmentSeconds")]
        public int SegmentSeconds { get; set; } = 3600;

        /// <summary>Hours after which a finished file is deleted; null keeps files.</summary>
        [JsonPropertyName("deleteAfterHours")]
        public double? DeleteAfterHours { get; set; }

        /// <summary>Most MiB one path's files may take; beyond it the oldest are deleted. Null sets no limit.</summary>
        [JsonPropertyName("maxMegabytesPerPath")]
        public long? MaxMegabytesPerPath { get; set; }
    }
}
