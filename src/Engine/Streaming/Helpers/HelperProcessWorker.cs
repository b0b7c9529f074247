using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;
using Serilog.Events;
using Serilog.Parsing;

namespace RtmpXProtect.Engine.Streaming.Helpers
{
    /// <summary>
    /// Runs one stream in a helper process (`rtmpx stream run NAME --config FILE --report`) for the
    /// engine's <see cref="StreamSupervisor"/>: its status and events come from the helper's report
    /// lines (docs/HELPER-PROTOCOL.md), its log lines go to a ring that outlives the process, and an
    /// exit nobody asked for faults <see cref="Completion"/> so the supervisor restarts it with
    /// backoff. On stop it closes the helper's stdin (the helper unpublishes and exits), then kills
    /// what is left: never leaves a helper behind.
    /// </summary>
    public sealed class HelperProcessWorker : IStreamWorker
    {
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
        private readonly string _configFile;
        private readonly HelperLauncher _launcher;
        private readonly ILogger _log;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly DateTimeOffset _created = DateTimeOffset.UtcNow;
        private Task _completion = Task.CompletedTask;
        private int? _pid;
        private StreamerStatus? _last;

        /// <summary>A worker for <paramref name="definition"/>; <see cref="Start"/> starts its helper.</summary>
        /// <param name="definition">The stream; its URLs stay in the configuration file, which the helper reads itself.</param>
        /// <param name="configFile">The configuration file the helper reads the stream from.</param>
        /// <param name="launcher">Starts the process from a thread that lives as long as serve (parent-death signal).</param>
        /// <param name="log">The stream's log; the caller keeps one per stream so a crash's lines survive the restart.</param>
        /// <param name="hostLog">Serve's log, for starts and stops of the process.</param>
        public HelperProcessWorker(StreamDefinition definition, string configFile, HelperLauncher launcher, LogRing log, ILogger hostLog)
        {
            Definition = definition;
            _configFile = configFile;
            _launcher = launcher;
            Log = log;
            _log = hostLog;
        }

        /// <inheritdoc/>
        public event Action<StreamerEvent>? EventRaised;

        /// <inheritdoc/>
        public StreamDefinition Definition { get; }

        /// <summary>Completes when the helper was stopped; faulted with a <see cref="StreamWorkerException"/> when it exited unasked.</summary>
        public Task Completion => _completion;

        /// <inheritdoc/>
        public LogRing Log { get; }

        /// <inheritdoc/>
        public void Start() => _completion = Task.Run(() => RunAsync(_stop.Token));

        /// <summary>Closes the helper's standard input, kills it when it is still running 5 s later, and waits for it.</summary>
        public async Task StopAsync()
        {
            _stop.Cancel();
            await _completion.ConfigureAwait(false);
        }

        /// <summary>The helper's last status sample (Starting before the first), with its pid while it runs.</summary>
        public StreamerStatus Status()
        {
            lock (_gate)
            {
                return (_last ?? new StreamerStatus { Name = Definition.Name, State = StreamerState.Starting, Since = _created }).WithProcess(_pid);
            }
        }

        /// <summary>Stops the helper (see <see cref="StopAsync"/>); a crash is not thrown again here.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await StopAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is StreamWorkerException || e is IOException || e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
            {
                // Reported through Completion already.
            }

            _stop.Dispose();
        }

        private async Task RunAsync(CancellationToken stop)
        {
            using var process = await _launcher.StartAsync(Definition.Name, _configFile).ConfigureAwait(false);
            lock (_gate)
            {
                _pid = process.Id;
            }

            _log.Information("Started helper for {Name} (pid {Pid})", Definition.Name, process.Id);
            var exited = ProcessExit.WhenExited(process);
            var output = PumpAsync(process.StandardOutput, OnReport);
            var errors = PumpAsync(process.StandardError, line => Add(DateTimeOffset.Now, LogEventLevel.Warning, "helper: " + Cut(line)));
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (stop.Register(() => stopped.TrySetResult(true)))
            {
                if (await Task.WhenAny(exited, stopped.Task).ConfigureAwait(false) != exited)
                {
                    await EndAsync(process, exited).ConfigureAwait(false);
                    await DrainAsync(output, errors).ConfigureAwait(false);
                    return;
                }
            }

            await DrainAsync(output, errors).ConfigureAwait(false);
            lock (_gate)
            {
                _pid = null;
            }

            throw new StreamWorkerException($"helper crashed (exit {process.ExitCode})");
        }

        private static async Task DrainAsync(Task output, Task errors)
        {
            // Something the helper started may still hold its output open; its exit is what counts.
            var drained = Task.WhenAll(output, errors);
            if (await Task.WhenAny(drained, Task.Delay(StopGrace)).ConfigureAwait(false) == drained)
            {
                await drained.ConfigureAwait(false);
            }
        }

        // Closing stdin is the protocol's "stop": the helper ends its publish cleanly and exits.
        private async Task EndAsync(Process process, Task exited)
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It closed its end already: the grace below still applies.
            }

            if (await Task.WhenAny(exited, Task.Delay(StopGrace)).ConfigureAwait(false) != exited)
            {
                // netstandard2.0 has no Kill(entireProcessTree): this ends the helper, not what it started.
                try
                {
                    process.Kill();
                }
                catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
                {
                    // It exited in the meantime (.NET Framework reports that race as access denied).
                }

                await exited.ConfigureAwait(false);
            }

            _log.Information("Stopped helper for {Name} (pid {Pid}, exit {ExitCode})", Definition.Name, process.Id, process.ExitCode);
        }

        private static async Task PumpAsync(StreamReader reader, Action<string> line)
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is string text)
            {
                line(text);
            }
        }

        private void OnReport(string text)
        {
            var line = HelperReport.TryParse(text);
            switch (line?.Type)
            {
                case ReportLine.LogType:
                    Add(line.Time, Level(line.Level), Cut(line.Text ?? string.Empty));
                    break;
                case ReportLine.StatusType:
                    lock (_gate)
                    {
                        _last = line.Status;
                    }

                    break;
                case ReportLine.EventType:
                    EventRaised?.Invoke(line.Event!);
                    break;
                default:
                    // Not a report line (a runtime message on stdout): kept, as it may explain a crash.
                    Add(DateTimeOffset.Now, LogEventLevel.Information, "helper: " + Cut(text));
                    break;
            }
        }

        private static string Cut(string text) => text.Length > 500 ? text.Substring(0, 500) : text;

        private void Add(DateTimeOffset time, LogEventLevel level, string text)
            => Log.Emit(new LogEvent(time, level, null, new MessageTemplate(new[] { new TextToken(text) }), Enumerable.Empty<LogEventProperty>()));

        private static LogEventLevel Level(string? abbreviation) => abbreviation switch
        {
            "VRB" => LogEventLevel.Verbose,
            "DBG" => LogEventLevel.Debug,
            "WRN" => LogEventLevel.Warning,
            "ERR" => LogEventLevel.Error,
            "FTL" => LogEventLevel.Fatal,
            _ => LogEventLevel.Information,
        };
    }
}
