using System;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.Streaming.Helpers
{
    /// <summary>
    /// One line of the helper report protocol (docs/HELPER-PROTOCOL.md): a log line, a status sample
    /// (the engine's <see cref="StreamerStatus"/>, destinations included) or a stream event. Fields
    /// that do not apply to a type are null and not written.
    /// </summary>
    public sealed class ReportLine
    {
        /// <summary>The <see cref="Type"/> of a log line.</summary>
        public const string LogType = "log";

        /// <summary>The <see cref="Type"/> of a status sample.</summary>
        public const string StatusType = "status";

        /// <summary>The <see cref="Type"/> of a stream event.</summary>
        public const string EventType = "event";

        /// <summary>"log", "status" or "event"; a reader skips types it does not know, so the protocol can grow.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>When the helper wrote the line (for log lines: when the event was logged).</summary>
        public DateTimeOffset Time { get; set; }

        /// <summary>For log lines: "VRB" … "FTL", as <see cref="Logging.LogLine.Level"/>.</summary>
        public string? Level { get; set; }

        /// <summary>For log lines: the rendered message, keys masked.</summary>
        public string? Text { get; set; }

        /// <summary>For status lines: the streamer's status, as masked as the helper's own.</summary>
        public StreamerStatus? Status { get; set; }

        /// <summary>For event lines: what happened (connected, error, a state change, stopped).</summary>
        public StreamerEvent? Event { get; set; }
    }
}
