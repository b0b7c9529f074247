using RtmpXProtect.Engine.Rtmp.Commands;

namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>A client asked to play; the host answers with AcceptPlay or RejectPlay.</summary>
    public sealed class PlayRequested : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public PlayRequested(PlayRequest request)
        {
            Request = request;
        }

        /// <summary>What the client asked for.</summary>
        public PlayRequest Request { get; }
    }
}
