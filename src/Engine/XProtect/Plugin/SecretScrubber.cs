using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// Masks the keys of known destinations in any text before it leaves the plugin (System Log,
    /// state reason, live log). The engine masks its own messages already; this is the second lock,
    /// for a text that quotes a key some other way (a server echoing the stream name back).
    /// </summary>
    internal sealed class SecretScrubber
    {
        // Shorter "keys" would mask ordinary words; no real service issues keys that short.
        private const int MinSecretLength = 3;

        private readonly string[] _secrets;

        public SecretScrubber(IEnumerable<StreamDefinition> definitions)
        {
            _secrets = definitions.SelectMany(d => d.Destinations).SelectMany(d => SecretsOf(d.Url))
                .Where(s => s.Length >= MinSecretLength).Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length).ToArray();
        }

        public string Scrub(string? text)
        {
            var result = text ?? string.Empty;
            foreach (var secret in _secrets)
            {
                if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    result = result.Replace(secret, "****");
                }
            }

            return result;
        }

        private static IEnumerable<string> SecretsOf(string url)
        {
            yield return url;
            if (!RtmpUrl.TryParse(url, out var parsed, out _) || parsed == null)
            {
                yield break;
            }

            yield return parsed.Stream;
            var query = parsed.Stream.IndexOf('?');
            if (query >= 0)
            {
                yield return parsed.Stream.Substring(0, query);
                yield return parsed.Stream.Substring(query + 1);
            }

            var appQuery = parsed.App.IndexOf('?');
            if (appQuery >= 0)
            {
                yield return parsed.App.Substring(appQuery + 1);
            }
        }
    }
}
