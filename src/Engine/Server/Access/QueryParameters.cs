using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>The name=value pairs of a URL query, decoded; the first of a repeated name wins.</summary>
    internal static class QueryParameters
    {
        // Encoders send a handful; a query is already bounded by the AMF string limit, this bounds the work.
        private const int MaxParameters = 64;

        public static void AddTo(Dictionary<string, string> into, string query)
        {
            if (string.IsNullOrEmpty(query))
            {
                return;
            }

            var parts = query.Split('&');
            for (var i = 0; i < parts.Length && i < MaxParameters; i++)
            {
                var part = parts[i];
                if (part.Length == 0)
                {
                    continue;
                }

                var eq = part.IndexOf('=');
                var name = Decode(eq < 0 ? part : part.Substring(0, eq));
                var value = eq < 0 ? string.Empty : Decode(part.Substring(eq + 1));
                if (!into.ContainsKey(name))
                {
                    into[name] = value;
                }
            }
        }

        private static string Decode(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return text;
            }
        }
    }
}
