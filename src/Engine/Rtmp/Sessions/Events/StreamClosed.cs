namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The client closed a stream it published or played (deleteStream, closeStream or FCUnpublish).</summary>
    public sealed class StreamClosed : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public StreamClosed(uint streamId, string command)
        {
            StreamId = streamId;
            Command = command;
        }

        /// <summary>The message stream.</summary>
        public uint StreamId { get; }

        /// <summary>The command that closed it.</summary>
        public string Command { get; }
    }
}
