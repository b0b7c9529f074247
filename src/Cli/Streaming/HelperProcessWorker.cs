using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;
using Serilog.Events;
using Serilog.Parsing;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Runs one stream in a helper process (`rtmpx stream run NAME --config FILE --report`) for the
    /// engine's <see cref="StreamSupervisor"/>: its status and events come from the helper's report
    /// lines (docs/HELPER-PROTOCOL.md), its log lines go to a ring that outlives the process, and an
    /// exit nobody asked for faults <see cref="Completion"/> so the supervisor restarts it with
    /// backoff. On stop it closes the helper's stdin (the helper unpublishes and exits), then kills
    /// what is left: never leaves a helper behind.
    /// </summary>
    internal sealed class HelperProcessWorker : IStreamWorker
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

        public event Action<StreamerEvent>? EventRaised;

        public StreamDefinition Definition { get; }

        public Task Completion => _completion;

        public LogRing Log { get; }

        public void Start() => _completion = Task.Run(() => RunAsync(_stop.Token));

        public async Task StopAsync()
        {
            _stop.Cancel();
            await _completion.ConfigureAwait(false);
        }

        public StreamerStatus Status()
        {
            lock (_gate)
            {
                return (_last ?? new StreamerStatus { Name = Definition.Name, State = StreamerState.Starting, Since = _created }).WithProcess(_pid);
            }
        }

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
            var output = PumpAsync(process.StandardOutput, OnReport);
            var errors = PumpAsync(process.StandardError, line => Add(DateTimeOffset.Now, LogEventLevel.Warning, "helper: " + Cut(line)));
            try
            {
                await process.WaitForExitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await EndAsync(process).ConfigureAwait(false);
                await DrainAsync(output, errors).ConfigureAwait(false);
                return;
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
            try
            {
                await Task.WhenAll(output, errors).WaitAsync(StopGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Something the helper started still holds its output open; its exit is what counts.
            }
        }

        // Closing stdin is the protocol's "stop": the helper ends its publish cleanly and exits.
        private async Task EndAsync(Process process)
        {
            try
            {
                process.StandardInput.Close();
                using var grace = new CancellationTokenSource(StopGrace);
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException || e is IOException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
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
