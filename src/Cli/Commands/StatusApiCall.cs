using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>What every verb that asks a running `rtmpx serve` shares: where its API is, one way to fail, one way to show time.</summary>
    internal static class StatusApiCall
    {
        // About twice a second, as the XProtect plugin's live view refreshes; the server's ring holds 1000 lines.
        private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(500);
        private const int MaxLinesPerCall = 1000;

        /// <summary>--api ADDRESS:PORT or http://ADDRESS:PORT, defaulting to where serve listens by default.</summary>
        public static Option<Uri> ApiOption() => new Option<Uri>("--api")
        {
            Description = "The status API of rtmpx serve: ADDRESS:PORT or http://ADDRESS:PORT (default 127.0.0.1:1985).",
            DefaultValueFactory = _ => StatusApiClient.DefaultApi,
            Recursive = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
                if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri))
                {
                    return uri;
                }

                result.AddError($"--api must be ADDRESS:PORT or http://ADDRESS:PORT (got '{text}').");
                return null;
            },
        };

        /// <summary>Runs <paramref name="action"/> with a client; an unreachable server is one line on stderr and exit 2, Ctrl+C exit 0.</summary>
        public static async Task<int> RunAsync(Uri api, CancellationToken cancel, Func<StatusApiClient, Task<int>> action)
        {
            using var client = new StatusApiClient(api);
            try
            {
                return await action(client);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return 0;
            }
            catch (StatusApiException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        }

        /// <summary>
        /// Prints the last <paramref name="tail"/> lines that <paramref name="fetch"/> gives (tail, after
        /// the last sequence seen) and, with <paramref name="follow"/>, polls for new ones until Ctrl+C.
        /// 1 when <paramref name="fetch"/> finds nothing to read (null).
        /// </summary>
        public static async Task<int> PrintLogsAsync(Func<int, long?, Task<IReadOnlyList<LogLine>?>> fetch, int tail, bool follow, CancellationToken cancel)
        {
            long? after = null;
            var count = Math.Clamp(tail, 0, MaxLinesPerCall);
            do
            {
                var lines = await fetch(count, after);
                if (lines == null)
                {
                    return 1;
                }

                foreach (var line in lines)
                {
                    Console.Out.WriteLine(line.Text);
                    after = line.Sequence;
                }

                after ??= 0;
                count = MaxLinesPerCall;
                if (follow)
                {
                    await Task.Delay(FollowInterval, cancel);
                }
            }
            while (follow && !cancel.IsCancellationRequested);

            return 0;
        }

        /// <summary>An uptime as an operator reads it: 3m07s, 2h05m.</summary>
        public static string Uptime(TimeSpan span) => span.TotalHours >= 1
            ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
            : $"{span.Minutes}m{span.Seconds:00}s";
    }
}
