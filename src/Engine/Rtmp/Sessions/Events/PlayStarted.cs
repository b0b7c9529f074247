namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The server started playback for the client.</summary>
    public sealed class PlayStarted : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public PlayStarted(uint streamId)
        {
            StreamId = streamId;
        }

        /// <summary>The message stream media arrives on.</summary>
        public uint StreamId { get; }
    }
}
