using System;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>An RTSP response: <c>RTSP/1.0 CODE REASON</c>, headers, and a body (DESCRIBE's SDP).</summary>
    public sealed class RtspResponse : RtspTcpMessage
    {
        /// <summary>Creates a response.</summary>
        /// <exception cref="ArgumentException">The code is not three digits, or the reason holds a control character.</exception>
        public RtspResponse(int statusCode, string reason, RtspHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        {
            if (statusCode < 100 || statusCode > 999)
            {
                throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An RTSP status code has three digits.");
            }

            if (reason == null || !RtspSyntax.IsFieldValue(reason))
            {
                throw new ArgumentException("A reason phrase holds no control character.", nameof(reason));
            }

            StatusCode = statusCode;
            Reason = reason;
            Headers = headers ?? new RtspHeaders();
            Body = body;
        }

        /// <summary>200, 401, 404, 454, …</summary>
        public int StatusCode { get; }

        /// <summary>The reason phrase: "OK", "Unauthorized", …</summary>
        public string Reason { get; }

        /// <summary>The headers.</summary>
        public RtspHeaders Headers { get; }

        /// <summary>The body; empty when there is none.</summary>
        public ReadOnlyMemory<byte> Body { get; }
    }
}
