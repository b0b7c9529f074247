using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// The headers of an RTSP message in the order they came, names matched in any case (RFC 2326
    /// §4.2, as HTTP). Values cannot hold CR or LF, so a value taken from a peer or a setting
    /// cannot start a header of its own when the message is written.
    /// </summary>
    public sealed class RtspHeaders : IReadOnlyList<KeyValuePair<string, string>>
    {
        private readonly List<KeyValuePair<string, string>> _headers = new List<KeyValuePair<string, string>>();

        /// <inheritdoc />
        public int Count => _headers.Count;

        /// <inheritdoc />
        public KeyValuePair<string, string> this[int index] => _headers[index];

        /// <summary>The sequence number every request carries and its response repeats, or null.</summary>
        public int? CSeq => int.TryParse(Get("CSeq"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;

        /// <summary>Adds a header after the others.</summary>
        /// <exception cref="ArgumentException">The name is not a token, or the value holds CR, LF or another control character.</exception>
        public RtspHeaders Add(string name, string value)
        {
            if (!RtspSyntax.IsToken(name))
            {
                throw new ArgumentException($"'{name}' is not a header name.", nameof(name));
            }

            if (value == null || !RtspSyntax.IsFieldValue(value))
            {
                throw new ArgumentException($"The value of {name} holds a control character.", nameof(value));
            }

            _headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        /// <summary>The first value of <paramref name="name"/>, or null.</summary>
        public string? Get(string name)
        {
            foreach (var header in _headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }

        /// <inheritdoc />
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _headers.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
