using System;
using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// Splits the bytes of an RTSP connection into requests, responses and interleaved RTP/RTCP
    /// frames, without IO: the caller keeps the bytes received, offers them, and drops what was
    /// consumed. Lines end in CRLF; the header block ends at an empty line; a body is exactly
    /// <c>Content-Length</c> bytes (RFC 2326 §4.3: no length, no body); CRLFs between messages
    /// (keep-alives some clients send) are skipped.
    /// </summary>
    public sealed class RtspReader
    {
        private static readonly byte[] BlankLine = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        private readonly RtspLimits _limits;

        // A message whose header block is read but whose body is still arriving: not parsed again per read.
        private (int HeaderEnd, string StartLine, RtspHeaders Headers, int BodyLength)? _pending;

        /// <summary>Creates a reader bounded by <paramref name="limits"/>.</summary>
        public RtspReader(RtspLimits? limits = null)
        {
            _limits = limits ?? RtspLimits.Default;
        }

        /// <summary>
        /// Reads the first whole message of <paramref name="input"/>. True with the message and the
        /// bytes it took; false when more bytes are needed, <paramref name="consumed"/> then being
        /// separator bytes the caller may already drop.
        /// </summary>
        /// <exception cref="RtspProtocolException">The bytes cannot be an RTSP message, or break a limit.</exception>
        public bool TryRead(ReadOnlySpan<byte> input, out RtspTcpMessage? message, out int consumed)
        {
            message = null;
            consumed = 0;
            while (consumed < input.Length && (input[consumed] == '\r' || input[consumed] == '\n'))
            {
                consumed++;
            }

            var rest = input.Slice(consumed);
            if (rest.IsEmpty)
            {
                return false;
            }

            int length = rest[0] == '$' ? ReadInterleaved(rest, out message) : ReadText(rest, out message);
            if (length == 0)
            {
                return false;
            }

            consumed += length;
            return true;
        }

        private static int ReadInterleaved(ReadOnlySpan<byte> input, out RtspTcpMessage? message)
        {
            message = null;
            if (input.Length < 4)
            {
                return 0;
            }

            int length = (input[2] << 8) | input[3];
            if (input.Length < 4 + length)
            {
                return 0;
            }

            message = new InterleavedFrame(input[1], input.Slice(4, length).ToArray());
            return 4 + length;
        }

        private int ReadText(ReadOnlySpan<byte> input, out RtspTcpMessage? message)
        {
            message = null;
            if (_pending is { } pending && input.Length >= pending.HeaderEnd + BlankLine.Length && input.Slice(pending.HeaderEnd, BlankLine.Length).SequenceEqual(BlankLine))
            {
                return Complete(input, pending.HeaderEnd, pending.StartLine, pending.Headers, pending.BodyLength, out message);
            }

            _pending = null;
            int window = Math.Min(input.Length, _limits.MaxHeaderBytes + BlankLine.Length);
            int headerEnd = input.Slice(0, window).IndexOf(BlankLine);
            if (headerEnd < 0)
            {
                // Refuse garbage at once rather than after the whole header allowance: a start line is printable.
                CheckPrintable(input.Slice(0, window));
                if (input.Length >= _limits.MaxHeaderBytes + BlankLine.Length)
                {
                    throw new RtspProtocolException($"RTSP header block larger than the limit of {_limits.MaxHeaderBytes} bytes.");
                }

                return 0;
            }

            CheckPrintable(input.Slice(0, headerEnd));
            var lines = Encoding.UTF8.GetString(input.Slice(0, headerEnd).ToArray()).Split(new[] { "\r\n" }, StringSplitOptions.None);
            var headers = Headers(lines);
            return Complete(input, headerEnd, lines[0], headers, ContentLength(headers), out message);
        }

        private int Complete(ReadOnlySpan<byte> input, int headerEnd, string startLine, RtspHeaders headers, int bodyLength, out RtspTcpMessage? message)
        {
            message = null;
            int total = headerEnd + BlankLine.Length + bodyLength;
            if (input.Length < total)
            {
                if (_pending == null)
                {
                    StartLine(startLine, headers, ReadOnlyMemory<byte>.Empty); // a bad start line fails now, not after its body
                }

                _pending = (headerEnd, startLine, headers, bodyLength);
                return 0;
            }

            _pending = null;
            var body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : input.Slice(headerEnd + BlankLine.Length, bodyLength).ToArray();
            message = StartLine(startLine, headers, body);
            return total;
        }

        private static void CheckPrintable(ReadOnlySpan<byte> input)
        {
            foreach (var b in input)
            {
                if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b == 0x7F)
                {
                    throw new RtspProtocolException($"Not RTSP: byte 0x{b:X2} in a start line or header.");
                }
            }
        }

        private RtspHeaders Headers(string[] lines)
        {
            var headers = new RtspHeaders();
            string? name = null;
            var value = new StringBuilder();
            for (int i = 1; i < lines.Length; i++)
            {
                var line = lines[i];

                // A bare CR or LF left in a line would start a header of its own when the value is written on.
                if (!RtspSyntax.IsFieldValue(line))
                {
                    throw new RtspProtocolException("An RTSP header line holds a bare CR or LF.");
                }

                if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
                {
                    if (name == null)
                    {
                        throw new RtspProtocolException("An RTSP header block starts with a continuation line.");
                    }

                    value.Append(' ').Append(line.Trim());
                    continue;
                }

                int colon = line.IndexOf(':');
                if (colon <= 0 || !RtspSyntax.IsToken(line.Substring(0, colon)))
                {
                    throw new RtspProtocolException($"Malformed RTSP header line '{Shown(line)}'.");
                }

                if (name != null)
                {
                    headers.Add(name, value.ToString());
                }

                if (headers.Count == _limits.MaxHeaders)
                {
                    throw new RtspProtocolException($"More than {_limits.MaxHeaders} RTSP headers.");
                }

                name = line.Substring(0, colon);
                value.Clear().Append(line.Substring(colon + 1).Trim());
            }

            if (name != null)
            {
                headers.Add(name, value.ToString());
            }

            return headers;
        }

        private int ContentLength(RtspHeaders headers)
        {
            string? seen = null;
            foreach (var header in headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (seen != null && seen != header.Value)
                {
                    throw new RtspProtocolException("Two different RTSP Content-Length headers.");
                }

                seen = header.Value;
            }

            if (seen == null)
            {
                return 0;
            }

            if (!long.TryParse(seen, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new RtspProtocolException($"RTSP Content-Length '{Shown(seen)}' is not a number of bytes.");
            }

            if (length > _limits.MaxBodyBytes)
            {
                throw new RtspProtocolException($"RTSP body of {length} bytes is larger than the limit of {_limits.MaxBodyBytes}.", 413);
            }

            return (int)length;
        }

        private static RtspTcpMessage StartLine(string line, RtspHeaders headers, ReadOnlyMemory<byte> body)
        {
            if (!RtspSyntax.IsFieldValue(line))
            {
                throw new RtspProtocolException("An RTSP start line holds a bare CR or LF.");
            }

            var parts = line.Split(' ');
            if (parts.Length >= 3 && parts[0].StartsWith("RTSP/", StringComparison.Ordinal))
            {
                Version(parts[0]);
                if (parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
                {
                    throw new RtspProtocolException($"RTSP status line '{Shown(line)}' has no three-digit code.");
                }

                return new RtspResponse(code, line.Substring(parts[0].Length + parts[1].Length + 2), headers, body);
            }

            if (parts.Length != 3 || !RtspSyntax.IsToken(parts[0]) || parts[1].Length == 0)
            {
                throw new RtspProtocolException($"Malformed RTSP request line '{Shown(line)}'.");
            }

            Version(parts[2]);
            return new RtspRequest(parts[0], parts[1], headers, body);
        }

        private static void Version(string version)
        {
            if (version != RtspSyntax.Version)
            {
                throw new RtspProtocolException($"RTSP version '{Shown(version)}' is not supported; this server speaks RTSP/1.0.", 505);
            }
        }

        // A peer's text in an error message: short, so a huge or hostile line cannot flood a log.
        private static string Shown(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "…";
    }
}
