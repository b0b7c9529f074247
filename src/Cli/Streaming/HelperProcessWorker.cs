using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;
using Serilog;
using Serilog.Events;
using Serilog.Parsing;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Keeps one stream running in a helper process: reads its report lines into a status and a
    /// log ring, restarts it with <see cref="RestartBackoff"/> when it exits on its own, and on stop
    /// closes its stdin (it stops cleanly), then kills what is left. Never leaves a helper behind.
    /// </summary>
    internal sealed class HelperProcessWorker : IRelayWorker
    {
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
        private readonly string _configFile;
        private readonly HelperLauncher _launcher;
        private readonly RestartBackoff _backoff;
        private readonly ILogger _log;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly object _gate = new object();
        private Task _loop = Task.CompletedTask;
        private StreamerState _state = StreamerState.Starting;
        private string? _reason;
        private int? _pid;
        private int _restarts;
        private string? _lastError;
        private ReportLine? _lastStatus;

        public HelperProcessWorker(StreamDefinition definition, string configFile, HelperLauncher launcher, RestartBackoff backoff, ILogger log)
        {
            Definition = definition;
            _configFile = configFile;
            _launcher = launcher;
            _backoff = backoff;
            _log = log;
        }

        public StreamDefinition Definition { get; }

        public LogRing Log { get; } = new LogRing(1000);

        public RelayStatus Status()
        {
            lock (_gate)
            {
                var idle = RelayStatuses.Idle(Definition, _state);
                var since = _state == StreamerState.Streaming ? _lastStatus?.StreamingSince : null;
                return idle with
                {
                    Reason = _reason,
                    ProcessId = _pid,
                    Restarts = _restarts,
                    LastError = _lastError,
                    UptimeSeconds = since == null ? 0 : Math.Max(0, (DateTimeOffset.UtcNow - since.Value).TotalSeconds),
                    BitrateKbps = _lastStatus?.BitrateKbps ?? 0,
                    BytesSent = _lastStatus?.BytesSent ?? 0,
                    VideoFrames = _lastStatus?.VideoFrames ?? 0,
                    AudioFrames = _lastStatus?.AudioFrames ?? 0,
                    UpdatedAt = _lastStatus?.Time,
                };
            }
        }

        public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

        public async Task StopAsync()
        {
            _stop.Cancel();
            await _loop.ConfigureAwait(false);
        }

        private async Task LoopAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                SetState(StreamerState.Starting, null);
                var started = DateTimeOffset.UtcNow;
                int exitCode;
                try
                {
                    exitCode = await RunOnceAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException || e is IOException)
                {
                    exitCode = -1;
                    _log.Error("Cannot start the helper for {Name}: {Error}", Definition.Name, e.Message);
                }

                var delay = _backoff.Next(started, DateTimeOffset.UtcNow);
                var reason = $"helper crashed (exit {exitCode})";
                lock (_gate)
                {
                    _restarts++;
                    _lastError = reason;
                    _pid = null;
                }

                SetState(StreamerState.Reconnecting, reason);
                _log.Warning("Helper for {Name} crashed (exit {ExitCode}), restarting in {Seconds} s", Definition.Name, exitCode, delay.TotalSeconds);
                Add(DateTimeOffset.Now, LogEventLevel.Warning, $"helper crashed (exit {exitCode}), restarting in {delay.TotalSeconds} s");
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            SetState(StreamerState.Disabled, "stopped");
        }

        // The helper's exit code; cancelled (after ending the helper) when stopped.
        private async Task<int> RunOnceAsync(CancellationToken stop)
        {
            using var process = await _launcher.StartAsync(Definition.Name, _configFile).ConfigureAwait(false);
            lock (_gate)
            {
                _pid = process.Id;
            }

            _log.Information("Started helper for {Name} (pid {Pid})", Definition.Name, process.Id);
            var output = PumpAsync(process.StandardOutput, OnReport);
            var errors = PumpAsync(process.StandardError, line => Add(DateTimeOffset.Now, LogEventLevel.Warning, "helper: " + line));
            try
            {
                await process.WaitForExitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await EndAsync(process).ConfigureAwait(false);
                throw;
            }

            try
            {
                await Task.WhenAll(output, errors).WaitAsync(StopGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Something the helper started still holds its output open; its exit is what counts.
            }

            return process.ExitCode;
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
                    Add(line.Time, Level(line.Level), line.Text ?? string.Empty);
                    break;
                case ReportLine.StateType when line.State is StreamerState state:
                    SetState(state, line.Reason);
                    break;
                case ReportLine.StatusType:
                    lock (_gate)
                    {
                        _lastStatus = line;
                    }

                    if (line.State is StreamerState current)
                    {
                        SetState(current, line.Reason);
                    }

                    break;
                default:
                    // Not a report line (a runtime message on stdout): kept, as it may explain a crash.
                    Add(DateTimeOffset.Now, LogEventLevel.Information, "helper: " + (text.Length > 500 ? text.Substring(0, 500) : text));
                    break;
            }
        }

        private void SetState(StreamerState state, string? reason)
        {
            lock (_gate)
            {
                if (_state == state && _reason == reason)
                {
                    return;
                }

                _state = state;
                _reason = reason;
                if (state == StreamerState.Error && reason != null)
                {
                    _lastError = reason;
                }
            }

            _log.Information("Stream {Name}: {State}{Reason}", Definition.Name, state, reason == null ? string.Empty : " (" + reason + ")");
        }

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
