using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Hooks;

namespace RtmpXProtect.Engine.Streaming.Helpers
{
    /// <summary>
    /// Starts helper processes (`rtmpx stream run NAME --config FILE --report`) from one thread that
    /// lives as long as the supervisor: Linux sends the parent-death signal when the *thread* that
    /// forked the child ends, and a thread-pool thread may retire at any time. The stream's URL is
    /// never on the command line: the helper reads it from the configuration.
    /// </summary>
    public sealed class HelperLauncher : IDisposable
    {
        /// <summary>The variable through which a helper learns its supervisor's pid, to check it is still its parent.</summary>
        public const string SupervisorPidVariable = "RTMPX_SUPERVISOR_PID";

        private readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> _requests = new BlockingCollection<(ProcessStartInfo, TaskCompletionSource<Process>)>();
        private readonly HelperJobObject? _job = HelperJobObject.Create();
        private readonly Thread _thread;
        private readonly string _program;
        private readonly string? _firstArgument;
        private readonly string _supervisorPid;

        /// <summary>A launcher of helpers that run <paramref name="program"/>.</summary>
        /// <param name="program">The path of rtmpx (rtmpx.exe), or of `dotnet` when rtmpx runs as rtmpx.dll.</param>
        /// <param name="firstArgument">What comes before the helper's arguments: the path of rtmpx.dll with `dotnet`, else null.</param>
        public HelperLauncher(string program, string? firstArgument = null)
        {
            _program = program ?? throw new ArgumentNullException(nameof(program));
            _firstArgument = firstArgument;
            using (var self = Process.GetCurrentProcess())
            {
                _supervisorPid = self.Id.ToString(CultureInfo.InvariantCulture);
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "rtmpx helper launcher" };
            _thread.Start();
        }

        /// <summary>
        /// Starts `rtmpx stream run NAME --config FILE --report` with every stream redirected; the
        /// process raises <see cref="Process.Exited"/>.
        /// </summary>
        public Task<Process> StartAsync(string streamName, string configFile)
        {
            var info = new ProcessStartInfo(_program, Arguments(_firstArgument, streamName, configFile))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            info.Environment[SupervisorPidVariable] = _supervisorPid;
            var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests.Add((info, started));
            return started.Task;
        }

        /// <summary>Ends the launcher thread and, on Windows, closes the job, which ends every helper still running.</summary>
        public void Dispose()
        {
            _requests.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(5));
            _job?.Dispose();
        }

        /// <summary>
        /// The helper's command line as the one string netstandard2.0's ProcessStartInfo takes,
        /// quoted so the child splits it back into exactly these arguments, whatever the name or path.
        /// </summary>
        internal static string Arguments(string? firstArgument, string streamName, string configFile)
        {
            var arguments = new List<string>();
            if (firstArgument != null)
            {
                arguments.Add(firstArgument);
            }

            arguments.AddRange(new[] { "stream", "run", streamName, "--config", configFile, "--report" });
            return CommandLineArguments.Join(arguments);
        }

        private void Run()
        {
            foreach (var (info, started) in _requests.GetConsumingEnumerable())
            {
                var process = new Process { StartInfo = info, EnableRaisingEvents = true };
                try
                {
                    process.Start();
                    _job?.Add(process);
                    started.SetResult(process);
                }
                catch (Exception e)
                {
                    process.Dispose();
                    started.SetException(e);
                }
            }
        }
    }
}
