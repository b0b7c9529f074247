using System;

namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>A source cannot be opened or failed while read; the message is fit for a status line (no key in it).</summary>
    public sealed class FrameSourceException : Exception
    {
        /// <summary>Creates the exception with a message that names no secret.</summary>
        public FrameSourceException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
