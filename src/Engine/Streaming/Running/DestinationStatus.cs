using System;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>One destination of a stream at one moment: immutable, safe to show (its URL masked).</summary>
    public sealed class DestinationStatus
    {
        /// <summary>The masked URL (<see cref="DestinationDefinition.Shown"/>).</summary>
        public string Destination { get; init; } = string.Empty;

        /// <summary>Where it stands.</summary>
        public StreamerState State { get; init; }

        /// <summary>The last failure, masked; null before the first.</summary>
        public string? LastError { get; init; }

        /// <summary>When it entered <see cref="State"/>.</summary>
        public DateTimeOffset Since { get; init; }

        /// <summary>Time streaming on the current connection; zero when not streaming.</summary>
        public TimeSpan Uptime { get; init; }

        /// <summary>Sent rate over the last few seconds, kbit/s.</summary>
        public long BitrateKbps { get; init; }

        /// <summary>Video frames sent per second over the last few seconds.</summary>
        public long Fps { get; init; }

        /// <summary>Frames sent since the streamer started.</summary>
        public long FramesSent { get; init; }

        /// <summary>Frames not sent because the destination was connecting, reconnecting or behind.</summary>
        public long FramesDropped { get; init; }

        /// <summary>Connections lost or attempts failed since the streamer started.</summary>
        public int Reconnects { get; init; }
    }
}
