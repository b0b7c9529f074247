using System;
using Serilog;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>Timing and bounds of a <see cref="Streamer"/>; the defaults suit internet destinations.</summary>
    public sealed class StreamerOptions
    {
        /// <summary>No frame from the source for this long is state Error "source stalled". Default 10 s.</summary>
        public TimeSpan SourceStallTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>A destination that takes no bytes for this long is stalled: its connection is dropped and retried. Default 10 s.</summary>
        public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Time for TCP, TLS, handshake, connect and publish together. Default 10 s.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>First reconnect delay ceiling (full jitter below it). Default 1 s.</summary>
        public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Largest reconnect delay. Default 30 s.</summary>
        public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A connection (or source) that ran this long starts its backoff over. Default 1 min.</summary>
        public TimeSpan BackoffResetAfter { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>
        /// Frames a destination may hold before it counts as behind; then frames are dropped up to
        /// the next keyframe, so a slow destination never slows the source nor grows memory. Default 512.
        /// </summary>
        public int DestinationQueueLength { get; set; } = 512;

        /// <summary>Lines kept in the stream's live log. Default 200.</summary>
        public int LogCapacity { get; set; } = 200;

        /// <summary>Where the stream's log lines also go (the host's log); its lines are already masked.</summary>
        public ILogger? Logger { get; set; }

        /// <summary>Jitter source; tests pass a seeded one.</summary>
        public Random Random { get; set; } = new Random();
    }
}
