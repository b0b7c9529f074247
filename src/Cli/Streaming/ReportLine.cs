using System;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// One line of the helper report protocol (docs/HELPER-PROTOCOL.md): a state change, a status
    /// sample or a log line. Fields that do not apply to a type are null and not written.
    /// </summary>
    internal sealed class ReportLine
    {
        public const string StateType = "state";
        public const string StatusType = "status";
        public const string LogType = "log";

        /// <summary>"state", "status" or "log"; a reader skips types it does not know, so the protocol can grow.</summary>
        public string Type { get; set; } = string.Empty;

        public DateTimeOffset Time { get; set; }

        /// <summary>For state and status lines.</summary>
        public StreamerState? State { get; set; }

        /// <summary>Why the state is what it is (an error, "source stalled"); never holds a key.</summary>
        public string? Reason { get; set; }

        /// <summary>For log lines: "VRB" … "FTL", as <see cref="Engine.Logging.LogLine.Level"/>.</summary>
        public string? Level { get; set; }

        /// <summary>For log lines: the rendered message, keys masked.</summary>
        public string? Text { get; set; }

        public long? BytesSent { get; set; }

        public long? VideoFrames { get; set; }

        public long? AudioFrames { get; set; }

        public double? BitrateKbps { get; set; }

        /// <summary>Since when frames flow, for the uptime.</summary>
        public DateTimeOffset? StreamingSince { get; set; }
    }
}
