using RtmpXProtect.Engine.Rtmp.Commands;

namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>A client asked to publish; the host answers with AcceptPublish or RejectPublish.</summary>
    public sealed class PublishRequested : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public PublishRequested(PublishRequest request)
        {
            Request = request;
        }

        /// <summary>What the client asked for.</summary>
        public PublishRequest Request { get; }
    }
}
