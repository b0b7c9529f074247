using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>Audio, video or a data message arrived on a publishing or playing stream.</summary>
    public sealed class MediaReceived : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public MediaReceived(RtmpMessage message)
        {
            Message = message;
        }

        /// <summary>The message; data messages sent as @setDataFrame arrive as onMetaData.</summary>
        public RtmpMessage Message { get; }
    }
}
