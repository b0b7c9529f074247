using System;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// Expiring publish (or play) URLs, so New-RtmpPublishToken and `rtmpx token new` hand out the
    /// same thing: a URL a server with a signing secret accepts until it expires, over <see cref="SignedUrl"/>.
    /// </summary>
    public static class PublishTokens
    {
        /// <summary>
        /// <paramref name="baseUrl"/> (the server root, rtmp://host[:port]) followed by <paramref name="path"/> ("app/stream") and
        /// <c>?exp=…&amp;sig=…</c>, valid for <paramref name="ttl"/> from <paramref name="now"/>.
        /// The time is passed in so the result can be tested.
        /// </summary>
        /// <exception cref="ArgumentException">The base is not rtmp(s)://, the path is not app/stream, the TTL is not positive or the secret is empty.</exception>
        public static string CreateUrl(string baseUrl, string path, byte[] secret, TimeSpan ttl, DateTimeOffset now)
        {
            if (baseUrl == null || !(baseUrl.StartsWith("rtmp://", StringComparison.OrdinalIgnoreCase) || baseUrl.StartsWith("rtmps://", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException("The base URL must start with rtmp:// or rtmps://.", nameof(baseUrl));
            }

            var trimmed = (path ?? string.Empty).Trim('/');
            var slash = trimmed.IndexOf('/');
            if (slash <= 0 || slash == trimmed.Length - 1 || trimmed.IndexOf('?') >= 0)
            {
                throw new ArgumentException("The path must be app/stream with no query.", nameof(path));
            }

            if (ttl <= TimeSpan.Zero)
            {
                throw new ArgumentException("The lifetime must be positive.", nameof(ttl));
            }

            if (secret == null || secret.Length == 0)
            {
                throw new ArgumentException("The signing secret is empty.", nameof(secret));
            }

            return baseUrl.TrimEnd('/') + "/" + trimmed + "?" + SignedUrl.Create(secret, trimmed, now + ttl);
        }
    }
}
