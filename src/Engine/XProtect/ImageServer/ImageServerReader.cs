using System;
using System.Collections.Generic;
using System.Text;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// Splits the bytes of an ImageServer connection into messages, without IO: the caller keeps
    /// the bytes received, offers them, and drops what was consumed. The framing follows the
    /// public clients (../shared/XPROTECT-NOTES.md): a message starting <c>&lt;</c> is XML ended
    /// by CRLFCRLF, one starting <c>I</c> is an <c>ImageResponse</c> with a header block and a
    /// body of <c>Content-length</c> bytes or multipart parts; CRLFs between messages (the
    /// trailer after an image body) are skipped. Header names are matched in any case and order.
    /// </summary>
    public sealed class ImageServerReader
    {
        private static readonly byte[] BlankLine = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };
        private static readonly byte[] LineEnd = { (byte)'\r', (byte)'\n' };

        private readonly ImageServerLimits _limits;

        /// <summary>Creates a reader bounded by <paramref name="limits"/>.</summary>
        public ImageServerReader(ImageServerLimits? limits = null)
        {
            _limits = limits ?? ImageServerLimits.Default;
        }

        /// <summary>
        /// Reads the first whole message of <paramref name="input"/>. True with the message and the
        /// bytes it took; false when more bytes are needed, <paramref name="consumed"/> then being
        /// separator bytes the caller may already drop.
        /// </summary>
        /// <exception cref="ImageServerProtocolException">The bytes cannot be an ImageServer message, or break a limit.</exception>
        public bool TryRead(ReadOnlySpan<byte> input, out ImageServerMessage? message, out int consumed)
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

            int length;
            switch (rest[0])
            {
                case (byte)'<':
                    length = ReadXml(rest, out message);
                    break;
                case (byte)'I':
                    length = ReadImage(rest, out message);
                    break;
                default:
                    throw new ImageServerProtocolException($"ImageServer stream out of step: a message starts with byte 0x{rest[0]:X2}, neither '<' (XML) nor 'I' (ImageResponse).");
            }

            if (length == 0)
            {
                return false;
            }

            consumed += length;
            return true;
        }

        private int ReadXml(ReadOnlySpan<byte> input, out ImageServerMessage? message)
        {
            message = null;
            int end = Find(input, BlankLine, _limits.MaxXmlBytes + BlankLine.Length);
            if (end < 0)
            {
                if (input.Length >= _limits.MaxXmlBytes + BlankLine.Length)
                {
                    throw new ImageServerProtocolException($"ImageServer XML reply longer than the limit of {_limits.MaxXmlBytes} bytes.");
                }

                return 0;
            }

            message = ImageServerXml.Parse(input.Slice(0, end), _limits);
            return end + BlankLine.Length;
        }

        private int ReadImage(ReadOnlySpan<byte> input, out ImageServerMessage? message)
        {
            message = null;
            int headerEnd = FindHeaderEnd(input, "ImageResponse");
            if (headerEnd < 0)
            {
                return 0;
            }

            var lines = Lines(input.Slice(0, headerEnd));
            if (!string.Equals(lines[0].Trim(), "ImageResponse", StringComparison.OrdinalIgnoreCase))
            {
                throw new ImageServerProtocolException("ImageServer reply starting with 'I' is not an ImageResponse.");
            }

            var headers = Headers(lines, 1);
            int position = headerEnd + BlankLine.Length;
            var contentType = headers.TryGetValue("content-type", out var type) ? type : string.Empty;
            var ranges = new List<(int Start, int Length)>();
            if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                position = ReadParts(input, position, Boundary(contentType), ranges);
            }
            else
            {
                int size = ContentLength(headers, "ImageResponse");
                if (input.Length - position < size)
                {
                    return 0;
                }

                if (size > 0)
                {
                    ranges.Add((position, size));
                }

                position += size;
            }

            if (position == 0)
            {
                return 0;
            }

            var parts = new byte[ranges.Count][];
            for (int i = 0; i < ranges.Count; i++)
            {
                parts[i] = input.Slice(ranges[i].Start, ranges[i].Length).ToArray();
            }

            message = new ImageReply(Number(headers, "requestid"), Number(headers, "prev"), Number(headers, "current"), Number(headers, "next"), contentType, parts);
            return position;
        }

        // Multipart body as the recorder writes it (WIP tests): "--B" CRLF, part headers, blank
        // line, Content-length bytes, CRLF; repeated; then "--B--". Returns 0 while incomplete.
        private int ReadParts(ReadOnlySpan<byte> input, int position, string boundary, List<(int Start, int Length)> ranges)
        {
            string delimiter = "--" + boundary;
            long total = 0;
            while (true)
            {
                while (position + 1 < input.Length && input[position] == '\r' && input[position + 1] == '\n')
                {
                    position += 2;
                }

                int lineEnd = Find(input.Slice(position), LineEnd, _limits.MaxHeaderBytes);
                if (lineEnd < 0)
                {
                    if (input.Length - position >= _limits.MaxHeaderBytes)
                    {
                        throw new ImageServerProtocolException($"ImageServer multipart delimiter line longer than {_limits.MaxHeaderBytes} bytes.");
                    }

                    return 0;
                }

                var line = Encoding.ASCII.GetString(input.Slice(position, lineEnd).ToArray()).Trim();
                if (line == delimiter + "--")
                {
                    return position + lineEnd + LineEnd.Length;
                }

                if (line != delimiter)
                {
                    throw new ImageServerProtocolException("ImageServer multipart reply out of step: expected the boundary delimiter.");
                }

                if (ranges.Count == _limits.MaxParts)
                {
                    throw new ImageServerProtocolException($"ImageServer multipart reply has more than {_limits.MaxParts} parts.");
                }

                position += lineEnd + LineEnd.Length;
                var rest = input.Slice(position);
                if (rest.Length >= 2 && rest[0] == '\r' && rest[1] == '\n')
                {
                    throw new ImageServerProtocolException("ImageServer multipart part has no headers, so no Content-length.");
                }

                int headerEnd = FindHeaderEnd(rest, "multipart part");
                if (headerEnd < 0)
                {
                    return 0;
                }

                var headers = Headers(Lines(rest.Slice(0, headerEnd)), 0);
                position += headerEnd + BlankLine.Length;
                int size = ContentLength(headers, "multipart part");
                total += size;
                if (total > _limits.MaxReplyBytes)
                {
                    throw new ImageServerProtocolException($"ImageServer multipart reply larger than the limit of {_limits.MaxReplyBytes} bytes.");
                }

                if (input.Length - position < size)
                {
                    return 0;
                }

                ranges.Add((position, size));
                position += size;
            }
        }

        private int FindHeaderEnd(ReadOnlySpan<byte> input, string what)
        {
            int end = Find(input, BlankLine, _limits.MaxHeaderBytes + BlankLine.Length);
            if (end < 0 && input.Length >= _limits.MaxHeaderBytes + BlankLine.Length)
            {
                throw new ImageServerProtocolException($"ImageServer {what} header longer than the limit of {_limits.MaxHeaderBytes} bytes.");
            }

            return end;
        }

        private string[] Lines(ReadOnlySpan<byte> block)
        {
            var lines = Encoding.ASCII.GetString(block.ToArray()).Split(new[] { "\r\n" }, StringSplitOptions.None);
            if (lines.Length > _limits.MaxHeaderLines)
            {
                throw new ImageServerProtocolException($"ImageServer header has more than {_limits.MaxHeaderLines} lines.");
            }

            return lines;
        }

        private static Dictionary<string, string> Headers(string[] lines, int first)
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = first; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon <= 0)
                {
                    throw new ImageServerProtocolException($"ImageServer header line {i + 1} is not 'Name: value'.");
                }

                var name = lines[i].Substring(0, colon).Trim().ToLowerInvariant();
                if (!headers.ContainsKey(name))
                {
                    headers.Add(name, lines[i].Substring(colon + 1).Trim());
                }
            }

            return headers;
        }

        private int ContentLength(Dictionary<string, string> headers, string what)
        {
            if (!headers.TryGetValue("content-length", out var text) || !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                throw new ImageServerProtocolException($"ImageServer {what} has no valid Content-length.");
            }

            if (size > _limits.MaxPartBytes)
            {
                throw new ImageServerProtocolException($"ImageServer {what} of {size} bytes exceeds the limit of {_limits.MaxPartBytes} bytes.");
            }

            return size;
        }

        private static string Boundary(string contentType)
        {
            foreach (var parameter in contentType.Split(';'))
            {
                var pair = parameter.Trim();
                if (pair.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
                {
                    var value = pair.Substring("boundary=".Length).Trim('"', ' ');
                    if (value.Length > 0 && value.Length <= 70)
                    {
                        return value;
                    }
                }
            }

            throw new ImageServerProtocolException("ImageServer multipart reply names no boundary (1–70 characters).");
        }

        private static long? Number(Dictionary<string, string> headers, string name) =>
            headers.TryGetValue(name, out var text) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (long?)null;

        // Index of needle in the first `window` bytes of haystack (needle included), or -1.
        private static int Find(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle, int window)
        {
            var searched = haystack.Length > window ? haystack.Slice(0, window) : haystack;
            return searched.IndexOf(needle);
        }
    }
}
