using System;
using Serilog;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>How a <see cref="StreamSupervisor"/> restarts crashed workers.</summary>
    public sealed class StreamSupervisorOptions
    {
        /// <summary>First restart delay ceiling (full jitter below it). Default 1 s.</summary>
        public TimeSpan RestartBackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Largest restart delay. Default 30 s.</summary>
        public TimeSpan RestartBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A worker that ran this long before it crashed restarts at the initial delay. Default 1 min.</summary>
        public TimeSpan RestartBackoffResetAfter { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Where the supervisor logs starts, stops and crashes.</summary>
        public ILogger? Logger { get; set; }

        /// <summary>Jitter source; tests pass a seeded one.</summary>
        public Random Random { get; set; } = new Random();
    }
}
