using System;
using System.CommandLine;
using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>
    /// The URL argument of publish and play. A stream key in a URL on the command line is visible
    /// to every user of the machine (ps, /proc), so "-" reads the URL from standard input instead.
    /// </summary>
    internal static class UrlArgument
    {
        public static Argument<string> Create() => new Argument<string>("url")
        {
            Description = "rtmp://host[:port]/app/stream or rtmps://…; '-' reads it from standard input, which keeps a stream key off the command line.",
        };

        public static bool TryResolve(string text, out RtmpUrl? url, out string error)
        {
            if (text == "-")
            {
                text = Console.In.ReadLine()?.Trim() ?? string.Empty;
            }

            return RtmpUrl.TryParse(text, out url, out error);
        }
    }
}
