using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// Writes RTSP messages as the wire carries them: start line, the headers in their order,
    /// <c>Content-Length</c> from the body (any given one is replaced), an empty line, the body.
    /// </summary>
    public static class RtspWriter
    {
        /// <summary>The bytes of <paramref name="request"/>.</summary>
        public static byte[] Write(RtspRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            return Write($"{request.Method} {request.Uri} {RtspSyntax.Version}", request.Headers, request.Body.Span);
        }

        /// <summary>The bytes of <paramref name="response"/>.</summary>
        public static byte[] Write(RtspResponse response)
        {
            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            return Write($"{RtspSyntax.Version} {response.StatusCode.ToString(CultureInfo.InvariantCulture)} {response.Reason}", response.Headers, response.Body.Span);
        }

        /// <summary>Writes <c>$</c>, the channel, the length and <paramref name="payload"/> into <paramref name="destination"/>; returns the bytes written.</summary>
        /// <exception cref="ArgumentException">The payload is over 65535 bytes or the destination too small.</exception>
        public static int WriteInterleaved(byte channel, ReadOnlySpan<byte> payload, Span<byte> destination)
        {
            if (payload.Length > ushort.MaxValue)
            {
                throw new ArgumentException("An interleaved frame holds at most 65535 bytes.", nameof(payload));
            }

            if (destination.Length < 4 + payload.Length)
            {
                throw new ArgumentException("The destination is too small for the frame.", nameof(destination));
            }

            destination[0] = (byte)'$';
            destination[1] = channel;
            destination[2] = (byte)(payload.Length >> 8);
            destination[3] = (byte)payload.Length;
            payload.CopyTo(destination.Slice(4));
            return 4 + payload.Length;
        }

        private static byte[] Write(string startLine, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
        {
            var text = new StringBuilder(startLine).Append("\r\n");
            foreach (var header in headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
                }
            }

            if (!body.IsEmpty)
            {
                text.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }

            text.Append("\r\n");
            var head = Encoding.UTF8.GetBytes(text.ToString());
            var bytes = new byte[head.Length + body.Length];
            head.CopyTo(bytes, 0);
            body.CopyTo(bytes.AsSpan(head.Length));
            return bytes;
        }
    }
}
