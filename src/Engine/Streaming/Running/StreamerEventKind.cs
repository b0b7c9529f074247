namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>What happened to a stream; the XProtect plugin writes these to its System Log.</summary>
    public enum StreamerEventKind
    {
        /// <summary>The overall state changed.</summary>
        StateChanged,

        /// <summary>A destination accepted the publish.</summary>
        Connected,

        /// <summary>The source or a destination failed.</summary>
        Error,

        /// <summary>The stream was stopped.</summary>
        Stopped,

        /// <summary>The worker running the stream ended unexpectedly and is restarted (raised by the supervisor).</summary>
        WorkerCrashed,

        /// <summary>
        /// One destination's own state changed (<see cref="StreamerEvent.Message"/> holds it): what an
        /// operator watching several destinations reads, while the overall state may stay the same.
        /// </summary>
        DestinationStateChanged,
    }
}
