using System;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// One line of the helper report protocol (docs/HELPER-PROTOCOL.md): a log line, a status sample
    /// (the engine's <see cref="StreamerStatus"/>, destinations included) or a stream event. Fields
    /// that do not apply to a type are null and not written.
    /// </summary>
    internal sealed class ReportLine
    {
        public const string LogType = "log";
        public const string StatusType = "status";
        public const string EventType = "event";

        /// <summary>"log", "status" or "event"; a reader skips types it does not know, so the protocol can grow.</summary>
        public string Type { get; set; } = string.Empty;

        public DateTimeOffset Time { get; set; }

        /// <summary>For log lines: "VRB" … "FTL", as <see cref="Engine.Logging.LogLine.Level"/>.</summary>
        public string? Level { get; set; }

        /// <summary>For log lines: the rendered message, keys masked.</summary>
        public string? Text { get; set; }

        /// <summary>For status lines: the streamer's status, as masked as the helper's own.</summary>
        public StreamerStatus? Status { get; set; }

        /// <summary>For event lines: what happened (connected, error, a state change, stopped).</summary>
        public StreamerEvent? Event { get; set; }
    }
}
