using System;
using System.Collections.Specialized;
using System.Text;

namespace RtmpXProtect.Engine.Status.Http
{
    /// <summary>
    /// The request line of an HTTP/1.x request (RFC 9112 §3), read from the bytes received so far:
    /// the status API needs only the method and target, so header fields are skipped, not parsed.
    /// </summary>
    internal sealed class HttpRequestHead
    {
        /// <summary>More than this before the blank line ending the head is refused: a GET needs a few hundred bytes.</summary>
        public const int MaxLength = 8192;

        /// <summary>What a head longer than <see cref="MaxLength"/> is answered with.</summary>
        public static readonly string TooLong = "The request head is longer than " + MaxLength + " bytes.";

        private static readonly byte[] EndOfHead = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        private HttpRequestHead(string method, string path, NameValueCollection query)
        {
            Method = method;
            Path = path;
            Query = query;
        }

        /// <summary>GET, POST, … as sent.</summary>
        public string Method { get; }

        /// <summary>The target's path, percent-escapes left for the routes to undo per segment.</summary>
        public string Path { get; }

        /// <summary>The target's query, names and values unescaped.</summary>
        public NameValueCollection Query { get; }

        /// <summary>
        /// The head in <paramref name="received"/>: null with no <paramref name="error"/> while it is
        /// incomplete, null with an error (a sentence for a 400 answer) when it is not an HTTP/1.x
        /// request head or is longer than <see cref="MaxLength"/>.
        /// </summary>
        public static HttpRequestHead? TryParse(ReadOnlySpan<byte> received, out string? error)
        {
            error = null;
            var end = received.IndexOf(EndOfHead);
            if (end < 0)
            {
                if (received.Length >= MaxLength)
                {
                    error = TooLong;
                }

                return null;
            }

            if (end + EndOfHead.Length > MaxLength)
            {
                error = TooLong;
                return null;
            }

            var line = received.Slice(0, received.IndexOf((byte)'\r'));
            foreach (var b in line)
            {
                if (b < 0x20 || b >= 0x7f)
                {
                    error = "The request line must be printable ASCII.";
                    return null;
                }
            }

            var parts = Encoding.ASCII.GetString(line.ToArray()).Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || !IsToken(parts[0]) || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[2].Length != 8)
            {
                error = "That is not an HTTP/1.1 request line.";
                return null;
            }

            var target = parts[1];
            if (target.Length == 0 || target[0] != '/')
            {
                error = "The request target must be a path such as /api/status.";
                return null;
            }

            var question = target.IndexOf('?');
            var path = question < 0 ? target : target.Substring(0, question);
            return new HttpRequestHead(parts[0], path, ReadQuery(question < 0 ? string.Empty : target.Substring(question + 1)));
        }

        // An escape that is not one (%zz) stays as written, as browsers and Uri do; the route then refuses the value.
        private static NameValueCollection ReadQuery(string text)
        {
            var query = new NameValueCollection(StringComparer.Ordinal);
            foreach (var pair in text.Split('&'))
            {
                if (pair.Length > 0)
                {
                    var equals = pair.IndexOf('=');
                    query[Unescape(equals < 0 ? pair : pair.Substring(0, equals))] = equals < 0 ? string.Empty : Unescape(pair.Substring(equals + 1));
                }
            }

            return query;
        }

        private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        // RFC 9110 §5.6.2: a method is a token.
        private static bool IsToken(string text)
        {
            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && "!#$%&'*+-.^_`|~".IndexOf(c) < 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
