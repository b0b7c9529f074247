namespace RtmpXProtect.Engine.Server
{
    /// <summary>Which moment of a publish a <see cref="StreamEvent"/> reports; hooks subscribe by it.</summary>
    public enum StreamEventKind
    {
        /// <summary>A publish began and its codecs are known (or could not be learned in time).</summary>
        StreamStarted,

        /// <summary>A publish that was reported started ended.</summary>
        StreamStopped,
    }
}
