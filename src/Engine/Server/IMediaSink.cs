using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// A subscriber of a live stream: a player connection or a recorder. Every method is called
    /// on the publisher's thread and must not block: a sink queues and returns.
    /// </summary>
    public interface IMediaSink
    {
        /// <summary>
        /// A publisher is present: <paramref name="cached"/> holds headers and the current GOP to
        /// send first. <paramref name="newPublisher"/> is true when the publish starts now, false
        /// when the sink joins a stream already being published.
        /// </summary>
        void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher);

        /// <summary>A live frame from the publisher.</summary>
        void OnFrame(MediaFrame frame);

        /// <summary>The publisher left.</summary>
        void OnStop();
    }
}
