using System;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>An RTSP request: <c>METHOD URI RTSP/1.0</c>, headers, and a body (ANNOUNCE's SDP, SET_PARAMETER's text).</summary>
    public sealed class RtspRequest : RtspTcpMessage
    {
        /// <summary>Creates a request.</summary>
        /// <exception cref="ArgumentException">The method is not a token, or the URI is empty or holds a space or a control character.</exception>
        public RtspRequest(string method, string uri, RtspHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        {
            if (!RtspSyntax.IsToken(method))
            {
                throw new ArgumentException($"'{method}' is not an RTSP method.", nameof(method));
            }

            if (string.IsNullOrEmpty(uri) || uri.IndexOf(' ') >= 0 || !RtspSyntax.IsFieldValue(uri))
            {
                throw new ArgumentException("An RTSP request URI is one word of printable characters.", nameof(uri));
            }

            Method = method;
            Uri = uri;
            Headers = headers ?? new RtspHeaders();
            Body = body;
        }

        /// <summary>OPTIONS, DESCRIBE, SETUP, PLAY, …, as sent (methods are case-sensitive, RFC 2326 §6.1).</summary>
        public string Method { get; }

        /// <summary>The request URI as sent: <c>rtsp://host:8554/live/cam1</c>, <c>*</c>, or a track's control URL.</summary>
        public string Uri { get; }

        /// <summary>The headers.</summary>
        public RtspHeaders Headers { get; }

        /// <summary>The body; empty when there is none.</summary>
        public ReadOnlyMemory<byte> Body { get; }
    }
}
