using RtmpXProtect.Engine.Rtmp.Commands;

namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>A client sent connect; the host answers with AcceptConnect or RejectConnect.</summary>
    public sealed class ConnectRequested : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public ConnectRequested(ConnectRequest request)
        {
            Request = request;
        }

        /// <summary>What the client asked for.</summary>
        public ConnectRequest Request { get; }
    }
}
