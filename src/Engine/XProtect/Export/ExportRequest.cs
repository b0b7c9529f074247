using System;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.ImageServer;

namespace RtmpXProtect.Engine.XProtect.Export
{
    /// <summary>What to export: a camera's recording from one time to another, into an MP4 file.</summary>
    public sealed class ExportRequest
    {
        /// <summary>The management server and user.</summary>
        public XProtectServerOptions Server { get; set; } = new XProtectServerOptions();

        /// <summary>The camera: an id, or a unique name.</summary>
        public string Camera { get; set; } = string.Empty;

        /// <summary>Start of the range. The export starts at the key frame at or before it, so the first pictures decode.</summary>
        public DateTimeOffset From { get; set; }

        /// <summary>End of the range (exclusive), by presentation time.</summary>
        public DateTimeOffset To { get; set; }

        /// <summary>The MP4 file to write.</summary>
        public string OutputPath { get; set; } = string.Empty;

        /// <summary>Fragmented MP4: readable while written and after a crash. Default: the movie box at the front (faststart).</summary>
        public bool Fragmented { get; set; }

        /// <summary>Close gaps in the recording instead of keeping them as time with no pictures.</summary>
        public bool SkipGaps { get; set; }

        /// <summary>Playback requests kept in flight. Default 5, as the seed export keeps (CX); 1–32.</summary>
        public int PipelineDepth { get; set; } = 5;

        /// <summary>Times a lost recorder connection is reopened before the export fails. Default 5.</summary>
        public int MaxResumes { get; set; } = 5;

        /// <summary>How the ImageServer socket behaves; its certificate policy follows <see cref="Server"/>'s.</summary>
        public ImageServerClientOptions ImageServer { get; set; } = new ImageServerClientOptions();

        /// <summary>A time without pictures longer than this is counted as a gap in the recording. Default 2 s.</summary>
        public TimeSpan GapThreshold { get; set; } = TimeSpan.FromSeconds(2);
    }
}
