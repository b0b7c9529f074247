using System;
using System.Collections.Generic;
using System.Threading;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>
    /// Where a stream's frames come from: an RTMP(S) server, a path of the local ingest server, an
    /// FLV file, a GenericByteData stream, and later an XProtect camera. One small interface, so a
    /// new kind of camera needs no change to the streamer.
    /// </summary>
    public interface IFrameSource : IAsyncDisposable
    {
        /// <summary>What the source is, fit for logs and status: any key in it is masked.</summary>
        string Description { get; }

        /// <summary>
        /// Opens the source and yields its frames in decode order, shaped as FLV tag bodies:
        /// sequence headers (and metadata) as config frames ahead of the frames that need them,
        /// timestamps in milliseconds from any origin. The sequence ends when the source ends and
        /// throws <see cref="FrameSourceException"/> when it fails; the streamer may call it again
        /// after either, to open the source afresh.
        /// </summary>
        IAsyncEnumerable<MediaFrame> ReadAsync(CancellationToken cancellationToken);
    }
}
