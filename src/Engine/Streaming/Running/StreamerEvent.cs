using System;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>One thing that happened to a stream; every text in it is masked.</summary>
    public sealed class StreamerEvent
    {
        /// <summary>What happened.</summary>
        public StreamerEventKind Kind { get; init; }

        /// <summary>The stream's name.</summary>
        public string Stream { get; init; } = string.Empty;

        /// <summary>The masked destination it concerns; null for the stream as a whole.</summary>
        public string? Destination { get; init; }

        /// <summary>The overall state after the event.</summary>
        public StreamerState State { get; init; }

        /// <summary>A line for a person: the error, the reason, or what connected.</summary>
        public string Message { get; init; } = string.Empty;

        /// <summary>When it happened.</summary>
        public DateTimeOffset Time { get; init; }
    }
}
