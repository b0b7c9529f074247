using System;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// Bytes that cannot be an RTSP message, or one that breaks a limit. The connection is out of
    /// step after it: a server answers <see cref="StatusCode"/> once and closes.
    /// </summary>
    public sealed class RtspProtocolException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RtspProtocolException(string message, int statusCode = 400)
            : base(message)
        {
            StatusCode = statusCode;
        }

        /// <summary>What a server answers: 400 Bad Request, 413 Request Entity Too Large, 505 RTSP Version Not Supported.</summary>
        public int StatusCode { get; }
    }
}
