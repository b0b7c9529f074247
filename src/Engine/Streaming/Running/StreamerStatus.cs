using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// A stream at one moment: immutable, safe to show. The overall <see cref="State"/> follows one
    /// rule: a source problem wins (opening → Starting, ended → Reconnecting, failed, stalled or
    /// refused codec → Error with the reason); else every destination Streaming → Streaming; every
    /// destination in Error → Error; at least one Streaming → Streaming (the failing ones show in
    /// <see cref="Destinations"/> and <see cref="LastError"/>: YouTube keeps working while Twitch is
    /// down); none streaming → Connecting when one still makes its first attempt, else Reconnecting.
    /// </summary>
    public sealed class StreamerStatus
    {
        /// <summary>The stream's name.</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The source, masked (<see cref="IFrameSource.Description"/>).</summary>
        public string Source { get; init; } = string.Empty;

        /// <summary>The overall state (see the class comment for the rule).</summary>
        public StreamerState State { get; init; }

        /// <summary>Why the state is Error or Reconnecting ("source stalled"); null otherwise.</summary>
        public string? Reason { get; init; }

        /// <summary>The latest failure of the source or any destination, masked.</summary>
        public string? LastError { get; init; }

        /// <summary>When the overall state was entered.</summary>
        public DateTimeOffset Since { get; init; }

        /// <summary>Time since the streamer started.</summary>
        public TimeSpan Uptime { get; init; }

        /// <summary>Source rate over the last few seconds, kbit/s.</summary>
        public long BitrateKbps { get; init; }

        /// <summary>Source video frames per second over the last few seconds.</summary>
        public long Fps { get; init; }

        /// <summary>Frames sent, all destinations together.</summary>
        public long FramesSent { get; init; }

        /// <summary>Frames dropped, all destinations together.</summary>
        public long FramesDropped { get; init; }

        /// <summary>Source reopenings plus destination reconnects.</summary>
        public int Reconnects { get; init; }

        /// <summary>The helper process running the stream; null when it runs in this process.</summary>
        public int? ProcessId { get; init; }

        /// <summary>Times the supervisor restarted the stream's crashed worker (helper process).</summary>
        public int Restarts { get; init; }

        /// <summary>Each destination, in definition order.</summary>
        public IReadOnlyList<DestinationStatus> Destinations { get; init; } = Array.Empty<DestinationStatus>();

        /// <summary>This status as seen from a supervisor: the helper process that runs it (its pid is known there).</summary>
        public StreamerStatus WithProcess(int? processId) => Copy(processId, Restarts, LastError, Reason);

        /// <summary>This status with what only the supervisor knows: restarts, and the crash as last error when the new worker has none yet.</summary>
        internal StreamerStatus WithSupervision(int restarts, string? lastCrash) => Copy(ProcessId, restarts, LastError ?? lastCrash, Reason);

        /// <summary>This status with its reason and last error passed through <paramref name="scrub"/> (the plugin's key scrubber).</summary>
        internal StreamerStatus WithTexts(Func<string?, string> scrub) => Copy(ProcessId, Restarts, LastError == null ? null : scrub(LastError), Reason == null ? null : scrub(Reason));

        private StreamerStatus Copy(int? processId, int restarts, string? lastError, string? reason) => new StreamerStatus
        {
            Name = Name,
            Source = Source,
            State = State,
            Reason = reason,
            LastError = lastError,
            Since = Since,
            Uptime = Uptime,
            BitrateKbps = BitrateKbps,
            Fps = Fps,
            FramesSent = FramesSent,
            FramesDropped = FramesDropped,
            Reconnects = Reconnects,
            ProcessId = processId,
            Restarts = restarts,
            Destinations = Destinations,
        };
    }
}
