using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Starts helper processes (`rtmpx stream run NAME --config FILE --report`) from one thread that
    /// lives as long as the supervisor: Linux sends the parent-death signal when the *thread* that
    /// forked the child ends, and a thread-pool thread may retire at any time. The stream's URL is
    /// never on the command line: the helper reads it from the configuration.
    /// </summary>
    internal sealed class HelperLauncher : IDisposable
    {
        /// <summary>The variable through which a helper learns its supervisor's pid, to check it is still its parent.</summary>
        public const string SupervisorPidVariable = "RTMPX_SUPERVISOR_PID";

        private readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> _requests = new BlockingCollection<(ProcessStartInfo, TaskCompletionSource<Process>)>();
        private readonly HelperJobObject? _job = HelperJobObject.Create();
        private readonly Thread _thread;
        private readonly (string Program, string? FirstArgument)? _program;

        public HelperLauncher()
            : this(null)
        {
        }

        /// <summary>A launcher that starts <paramref name="program"/> instead of this program: tests run `dotnet rtmpx.dll` from their own host.</summary>
        internal HelperLauncher((string Program, string? FirstArgument)? program)
        {
            _program = program;
            _thread = new Thread(Run) { IsBackground = true, Name = "rtmpx helper launcher" };
            _thread.Start();
        }

        /// <summary>Starts `rtmpx stream run NAME --config FILE --report` with every stream redirected.</summary>
        public Task<Process> StartAsync(string streamName, string configFile)
        {
            var (program, first) = _program ?? Self();
            var info = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            if (first != null)
            {
                info.ArgumentList.Add(first);
            }

            foreach (var argument in new[] { "stream", "run", streamName, "--config", configFile, "--report" })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment[SupervisorPidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests.Add((info, started));
            return started.Task;
        }

        public void Dispose()
        {
            _requests.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(5));
            _job?.Dispose();
        }

        // `dotnet rtmpx.dll` runs as the dotnet host; the apphost (or a single-file rtmpx) is the program itself.
        private static (string Program, string? FirstArgument) Self()
        {
            var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
            return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
                ? (process, Path.Combine(AppContext.BaseDirectory, "rtmpx.dll"))
                : (process, null);
        }

        private void Run()
        {
            foreach (var (info, started) in _requests.GetConsumingEnumerable())
            {
                try
                {
                    var process = Process.Start(info) ?? throw new InvalidOperationException("The helper did not start.");
                    _job?.Add(process);
                    started.SetResult(process);
                }
                catch (Exception e)
                {
                    started.SetException(e);
                }
            }
        }
    }
}
