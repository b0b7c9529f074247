using System;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// The Recording Server's ImageServer stream broke the protocol or a configured limit. The
    /// message says what in words fit for a log line and never quotes the bytes (a reply may
    /// echo the connection token). The connection is closed.
    /// </summary>
    public sealed class ImageServerProtocolException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ImageServerProtocolException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with the underlying cause.</summary>
        public ImageServerProtocolException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
