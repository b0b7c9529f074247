using RtmpXProtect.Engine.Rtmp.Commands;

namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The peer sent onStatus (or an _error answer) on a stream.</summary>
    public sealed class StatusReceived : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public StatusReceived(uint streamId, StatusInfo status)
        {
            StreamId = streamId;
            Status = status;
        }

        /// <summary>The message stream it concerns (0 for the connection).</summary>
        public uint StreamId { get; }

        /// <summary>Level, code and description.</summary>
        public StatusInfo Status { get; }
    }
}
