namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The server accepted the client's publish.</summary>
    public sealed class PublishStarted : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public PublishStarted(uint streamId)
        {
            StreamId = streamId;
        }

        /// <summary>The message stream to send media on.</summary>
        public uint StreamId { get; }
    }
}
