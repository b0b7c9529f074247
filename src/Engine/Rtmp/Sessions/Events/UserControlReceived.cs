using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The peer sent a user control event other than a ping request (which the session answers itself).</summary>
    public sealed class UserControlReceived : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public UserControlReceived(UserControlEvent controlEvent)
        {
            Event = controlEvent;
        }

        /// <summary>The event.</summary>
        public UserControlEvent Event { get; }
    }
}
