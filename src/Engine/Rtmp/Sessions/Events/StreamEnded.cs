namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The played stream ended: its publisher left or the server stopped it.</summary>
    public sealed class StreamEnded : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public StreamEnded(uint streamId, string reason)
        {
            StreamId = streamId;
            Reason = reason;
        }

        /// <summary>The message stream.</summary>
        public uint StreamId { get; }

        /// <summary>The status code that ended it.</summary>
        public string Reason { get; }
    }
}
