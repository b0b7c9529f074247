using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Streaming;
using Serilog;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>
    /// Destination URLs from --to and --to-file, shared by `stream run`, `stream add` and `stream set`:
    /// '-' reads standard input and a literal URL is taken with a warning, since a key on the
    /// command line is visible to every user of the machine in the process list.
    /// </summary>
    internal static class DestinationUrls
    {
        /// <summary>The URLs, each checked; null with <paramref name="error"/> (no URL in it) when one is wrong or none was given.</summary>
        public static List<string>? Read(string[] to, FileInfo? toFile, ILogger log, out string? error)
        {
            error = null;
            var urls = new List<string>();
            foreach (var given in to)
            {
                if (given == "-")
                {
                    urls.AddRange(Lines(Console.In.ReadToEnd()));
                }
                else
                {
                    log.Warning("A destination URL given with --to is visible to every user of this machine in the process list; use --to - or --to-file FILE for URLs with keys ({Destination})", DestinationDefinition.Mask(given));
                    urls.Add(given);
                }
            }

            if (toFile != null)
            {
                try
                {
                    urls.AddRange(Lines(File.ReadAllText(toFile.FullName)));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    error = $"Cannot read --to-file {toFile.FullName} ({e.GetType().Name}).";
                    return null;
                }
            }

            for (var i = 0; i < urls.Count; i++)
            {
                if (!StreamsMapper.IsDestinationUrl(urls[i]))
                {
                    error = $"Destination {i + 1} must be an rtmp:// or rtmps:// URL with a stream name.";
                    return null;
                }
            }

            if (urls.Count == 0)
            {
                error = "No destination URL was given.";
                return null;
            }

            return urls;
        }

        private static IEnumerable<string> Lines(string text)
            => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal));
    }
}
