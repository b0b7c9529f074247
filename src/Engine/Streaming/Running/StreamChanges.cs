using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>What one <see cref="StreamSupervisor.ApplyAsync"/> did, by stream name: what a reload reports.</summary>
    public sealed class StreamChanges
    {
        /// <summary>Streams new to the set (running now when enabled).</summary>
        public IReadOnlyList<string> Added { get; init; } = Array.Empty<string>();

        /// <summary>Streams gone from the set, stopped.</summary>
        public IReadOnlyList<string> Removed { get; init; } = Array.Empty<string>();

        /// <summary>Streams whose definition changed: stopped and started with the new one.</summary>
        public IReadOnlyList<string> Changed { get; init; } = Array.Empty<string>();

        /// <summary>Streams left running as they were.</summary>
        public IReadOnlyList<string> Unchanged { get; init; } = Array.Empty<string>();
    }
}
