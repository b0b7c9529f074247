using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>What every verb that asks a running `rtmpx serve` shares: where its API is, one way to fail, one way to show time.</summary>
    internal static class StatusApiCall
    {
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

        /// <summary>An uptime as an operator reads it: 3m07s, 2h05m.</summary>
        public static string Uptime(TimeSpan span) => span.TotalHours >= 1
            ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
            : $"{span.Minutes}m{span.Seconds:00}s";
    }
}
