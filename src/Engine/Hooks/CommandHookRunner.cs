using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Serilog;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// Runs one command hook for one event: starts the program without a shell, writes the event
    /// to its standard input, kills it when it outlives its timeout, and logs its exit code with the
    /// end of its standard error. Never throws: a broken hook must not affect streaming.
    /// </summary>
    internal sealed class CommandHookRunner
    {
        private const int StderrTail = 1024;
        private readonly ILogger _log;

        public CommandHookRunner(ILogger log)
        {
            _log = log;
        }

        public async Task RunAsync(CommandHookTarget target, string eventName, byte[] body, CancellationToken abandon)
        {
            var start = new ProcessStartInfo(target.Path, CommandLineArguments.Join(target.Arguments))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);
            try
            {
                process.Start();
            }
            catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is IOException)
            {
                _log.Warning("Command hook {Program} could not start for {Event}: {Error}", target.Path, eventName, e.Message);
                return;
            }

            var stderr = ReadTailAsync(process.StandardError);
            var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited or closed its input without reading: its exit code tells the rest.
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abandon);
            timeout.CancelAfter(target.Timeout);
            var timedOut = new TaskCompletionSource<bool>();
            using (timeout.Token.Register(() => timedOut.TrySetResult(true)))
            {
                if (await Task.WhenAny(exited.Task, timedOut.Task).ConfigureAwait(false) != exited.Task && !process.HasExited)
                {
                    Kill(process);
                    await Task.WhenAny(exited.Task, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);

                    // The end of its stderr arrives after the exit, as below; a child still holding it open gets a second.
                    await Task.WhenAny(stderr, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
                    _log.Warning("Command hook {Program} killed after {Seconds} s for {Event}: {Stderr}", target.Path, target.Timeout.TotalSeconds, eventName, await TailAsync(stderr).ConfigureAwait(false));
                    return;
                }
            }

            // Exited fires before the pipes are drained; their ends arrive right after.
            await Task.WhenAny(Task.WhenAll(stderr, stdout), Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            var code = process.ExitCode;
            var tail = await TailAsync(stderr).ConfigureAwait(false);
            if (code == 0)
            {
                _log.Debug("Command hook {Program} ran for {Event}: exit code 0 {Stderr}", target.Path, eventName, tail);
            }
            else
            {
                _log.Warning("Command hook {Program} failed for {Event}: exit code {ExitCode} {Stderr}", target.Path, eventName, code, tail);
            }
        }

        private static void Kill(Process process)
        {
            try
            {
                process.Kill();
            }
            catch (Exception e) when (e is InvalidOperationException || e is Win32Exception)
            {
                // It exited meanwhile.
            }
        }

        private static async Task<string> TailAsync(Task<string> stderr) =>
            stderr.IsCompleted ? await stderr.ConfigureAwait(false) : string.Empty;

        // Keeps only the last StderrTail characters: a chatty hook must not grow memory.
        private static async Task<string> ReadTailAsync(StreamReader reader)
        {
            var tail = new StringBuilder();
            var buffer = new char[512];
            try
            {
                int read;
                while ((read = await reader.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
                {
                    tail.Append(buffer, 0, read);
                    if (tail.Length > StderrTail)
                    {
                        tail.Remove(0, tail.Length - StderrTail);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                // The pipe closed with the process.
            }

            return tail.ToString().Trim();
        }
    }
}
