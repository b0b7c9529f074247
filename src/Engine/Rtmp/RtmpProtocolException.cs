using System;

namespace RtmpXProtect.Engine.Rtmp
{
    /// <summary>
    /// A peer broke the protocol or a limit. The message says what, in words fit for a log line,
    /// and never contains payload bytes (which may carry secrets). The connection is closed.
    /// </summary>
    public sealed class RtmpProtocolException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RtmpProtocolException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with the underlying cause.</summary>
        public RtmpProtocolException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
