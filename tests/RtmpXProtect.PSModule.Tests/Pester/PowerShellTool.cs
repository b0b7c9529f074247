using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.PSModule.Tests.Pester
{
    /// <summary>
    /// PowerShell 7 as the repository's local .NET tool (.config/dotnet-tools.json): restored from
    /// NuGet on first use, so a machine with only the .NET SDK runs the Pester suite too.
    /// </summary>
    public static class PowerShellTool
    {
        private static readonly SemaphoreSlim Restore = new SemaphoreSlim(1, 1);
        private static bool restored;

        /// <summary>What a pwsh run printed and how it ended.</summary>
        public sealed record Run(int ExitCode, string Output);

        /// <summary>Runs pwsh with <paramref name="arguments"/> in <paramref name="directory"/>; stdout and stderr together, in order.</summary>
        public static async Task<Run> RunAsync(string directory, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan timeout)
        {
            await EnsureRestoredAsync(directory);
            var all = new List<string> { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive" };
            all.AddRange(arguments);
            return await DotnetAsync(directory, all, environment, timeout);
        }

        private static async Task EnsureRestoredAsync(string directory)
        {
            await Restore.WaitAsync();
            try
            {
                if (restored)
                {
                    return;
                }

                var run = await DotnetAsync(directory, new[] { "tool", "restore" }, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
                if (run.ExitCode != 0)
                {
                    throw new InvalidOperationException($"dotnet tool restore failed ({run.ExitCode}); PowerShell 7.6.9 comes from NuGet:\n{run.Output}");
                }

                restored = true;
            }
            finally
            {
                Restore.Release();
            }
        }

        private static async Task<Run> DotnetAsync(string directory, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan timeout)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var variable in environment)
            {
                start.Environment[variable.Key] = variable.Value;
            }

            // No colour codes in what a failed test shows.
            start.Environment["NO_COLOR"] = "1";
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Append(output, $"(killed after {timeout.TotalSeconds:0} s)");
                return new Run(-1, Text(output));
            }

            // WaitForExitAsync returns once the streams are drained too.
            return new Run(process.ExitCode, Text(output));
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static string Text(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
