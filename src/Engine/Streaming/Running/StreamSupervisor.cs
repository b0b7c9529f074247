using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using Serilog;
using Serilog.Core;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// Keeps a set of streams running: starts the enabled ones, restarts only those whose
    /// definition changed on <see cref="ApplyAsync"/>, and restarts a crashed worker with
    /// backoff. In-process and helper-process workers share this logic through <see cref="IStreamWorker"/>.
    /// </summary>
    public sealed class StreamSupervisor : IAsyncDisposable
    {
        private readonly Func<StreamDefinition, IStreamWorker> _workerFactory;
        private readonly StreamSupervisorOptions _options;
        private readonly ILogger _log;
        private readonly SemaphoreSlim _applying = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, Slot> _slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
        private readonly object _gate = new object();

        /// <summary>Creates an empty supervisor; <see cref="ApplyAsync"/> gives it streams.</summary>
        public StreamSupervisor(Func<StreamDefinition, IStreamWorker> workerFactory, StreamSupervisorOptions? options = null)
        {
            _workerFactory = workerFactory ?? throw new ArgumentNullException(nameof(workerFactory));
            _options = options ?? new StreamSupervisorOptions();
            _log = _options.Logger ?? Logger.None;
        }

        /// <summary>Every stream's events, plus <see cref="StreamerEventKind.WorkerCrashed"/>; handlers return at once.</summary>
        public event Action<StreamerEvent>? EventRaised;

        /// <summary>
        /// Makes the running set match <paramref name="definitions"/> (compared by value): adds,
        /// removes, and restarts the changed; leaves the others running untouched.
        /// </summary>
        /// <exception cref="ArgumentException">Two definitions share a name.</exception>
        public async Task<StreamChanges> ApplyAsync(IEnumerable<StreamDefinition> definitions)
        {
            var wanted = definitions.Select(StreamDefinitionComparer.Copy).ToList();
            var duplicate = wanted.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new ArgumentException($"Two streams are named '{duplicate.Key}'.", nameof(definitions));
            }

            await _applying.WaitAsync().ConfigureAwait(false);
            try
            {
                var added = new List<string>();
                var removed = new List<string>();
                var changed = new List<string>();
                var unchanged = new List<string>();
                Dictionary<string, Slot> current;
                lock (_gate)
                {
                    current = new Dictionary<string, Slot>(_slots, StringComparer.Ordinal);
                }

                foreach (var gone in current.Keys.Where(name => wanted.All(d => d.Name != name)).ToList())
                {
                    await StopSlotAsync(current[gone]).ConfigureAwait(false);
                    removed.Add(gone);
                }

                foreach (var definition in wanted)
                {
                    if (current.TryGetValue(definition.Name, out var slot))
                    {
                        if (StreamDefinitionComparer.Same(slot.Definition, definition))
                        {
                            unchanged.Add(definition.Name);
                            continue;
                        }

                        await StopSlotAsync(slot).ConfigureAwait(false);
                        changed.Add(definition.Name);
                    }
                    else
                    {
                        added.Add(definition.Name);
                    }

                    StartSlot(definition);
                }

                _log.Information("Streams applied: {Added} added, {Removed} removed, {Changed} changed, {Unchanged} unchanged", added.Count, removed.Count, changed.Count, unchanged.Count);
                return new StreamChanges { Added = added, Removed = removed, Changed = changed, Unchanged = unchanged };
            }
            finally
            {
                _applying.Release();
            }
        }

        /// <summary>Every stream's status, by name; a disabled stream reads Disabled.</summary>
        public IReadOnlyList<StreamerStatus> Status()
        {
            List<Slot> slots;
            lock (_gate)
            {
                slots = _slots.Values.OrderBy(s => s.Definition.Name, StringComparer.Ordinal).ToList();
            }

            return slots.Select(s => s.Status()).ToList();
        }

        /// <summary>One stream's status by name (case-insensitive, as names are given on a command line); null when there is none.</summary>
        public StreamerStatus? Status(string name) => Find(name)?.Status();

        /// <summary>
        /// One stream's live log by name (case-insensitive); null when there is none. A disabled or
        /// not yet started stream has an empty one.
        /// </summary>
        public LogRing? Log(string name) => Find(name) is { } slot ? slot.Worker?.Log ?? EmptyLog : null;

        /// <summary>Stops every stream cleanly.</summary>
        public async ValueTask DisposeAsync()
        {
            await _applying.WaitAsync().ConfigureAwait(false);
            try
            {
                List<Slot> slots;
                lock (_gate)
                {
                    slots = _slots.Values.ToList();
                }

                await Task.WhenAll(slots.Select(StopSlotAsync)).ConfigureAwait(false);
            }
            finally
            {
                _applying.Release();
            }
        }

        private static readonly LogRing EmptyLog = new LogRing(1);

        private Slot? Find(string name)
        {
            lock (_gate)
            {
                return _slots.Values.FirstOrDefault(s => string.Equals(s.Definition.Name, name, StringComparison.OrdinalIgnoreCase));
            }
        }

        private void StartSlot(StreamDefinition definition)
        {
            var slot = new Slot(definition);
            lock (_gate)
            {
                _slots[definition.Name] = slot;
            }

            if (definition.Enabled)
            {
                slot.Loop = Task.Run(() => SuperviseAsync(slot));
            }
        }

        private async Task StopSlotAsync(Slot slot)
        {
            lock (_gate)
            {
                if (_slots.TryGetValue(slot.Definition.Name, out var present) && present == slot)
                {
                    _slots.Remove(slot.Definition.Name);
                }
            }

            slot.Stop.Cancel();
            await slot.Loop.ConfigureAwait(false);
        }

        private async Task SuperviseAsync(Slot slot)
        {
            var backoff = new Running.ReconnectBackoff(_options.RestartBackoffInitial, _options.RestartBackoffMax, _options.Random);
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = slot.Stop.Token.Register(() => stopped.TrySetResult(true));
            while (!slot.Stop.IsCancellationRequested)
            {
                var worker = _workerFactory(slot.Definition);
                worker.EventRaised += Forward;
                slot.Worker = worker;
                var startedAt = Stopwatch.GetTimestamp();
                worker.Start();
                await Task.WhenAny(worker.Completion, stopped.Task).ConfigureAwait(false);
                if (slot.Stop.IsCancellationRequested)
                {
                    await worker.DisposeAsync().ConfigureAwait(false);
                    return;
                }

                var why = worker.Completion.IsFaulted ? Why(worker.Completion.Exception!.GetBaseException()) : "ended on its own";
                await worker.DisposeAsync().ConfigureAwait(false);
                if (Stopwatch.GetTimestamp() - startedAt >= _options.RestartBackoffResetAfter.TotalSeconds * Stopwatch.Frequency)
                {
                    backoff.Reset();
                }

                var delay = backoff.Next();
                _log.Error("Stream {Stream} worker crashed ({Why}); restart in {Delay:0.0} s", slot.Definition.Name, why, delay.TotalSeconds);

                // Into the stream's own log too: a helper's log outlives its process (the CLI keeps one per stream).
                worker.Log.Emit(new Serilog.Events.LogEvent(DateTimeOffset.Now, Serilog.Events.LogEventLevel.Warning, null, new Serilog.Events.MessageTemplate(new[] { new Serilog.Parsing.TextToken(string.Format(System.Globalization.CultureInfo.InvariantCulture, "worker crashed ({0}); restart in {1:0.0} s", why, delay.TotalSeconds)) }), Enumerable.Empty<Serilog.Events.LogEventProperty>()));
                lock (_gate)
                {
                    slot.Restarts++;
                    slot.LastCrash = "worker crashed: " + why;
                }

                Raise(new StreamerEvent { Kind = StreamerEventKind.WorkerCrashed, Stream = slot.Definition.Name, State = StreamerState.Reconnecting, Message = "worker crashed: " + why, Time = DateTimeOffset.UtcNow });
                await Task.WhenAny(Task.Delay(delay), stopped.Task).ConfigureAwait(false);
            }
        }

        // A worker that knows its crash best says so in its exception's message (a helper's exit code); others by type too.
        private static string Why(Exception e) => e is StreamWorkerException ? e.Message : e.GetType().Name + ": " + e.Message;

        private void Forward(StreamerEvent e) => Raise(e);

        private void Raise(StreamerEvent e)
        {
            try
            {
                EventRaised?.Invoke(e);
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop supervision.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _log.Warning("An event handler failed: {Error}", failure.Message);
            }
        }

        private sealed class Slot
        {
            public Slot(StreamDefinition definition)
            {
                Definition = definition;
            }

            public StreamDefinition Definition { get; }

            public CancellationTokenSource Stop { get; } = new CancellationTokenSource();

            public Task Loop { get; set; } = Task.CompletedTask;

            public IStreamWorker? Worker { get; set; }

            public int Restarts { get; set; }

            public string? LastCrash { get; set; }

            public StreamerStatus Status()
            {
                if (!Definition.Enabled)
                {
                    return new StreamerStatus { Name = Definition.Name, State = StreamerState.Disabled, Since = DateTimeOffset.UtcNow };
                }

                var status = Worker?.Status() ?? new StreamerStatus { Name = Definition.Name, State = StreamerState.Starting, Since = DateTimeOffset.UtcNow };
                return Restarts == 0 ? status : status.WithSupervision(Restarts, LastCrash);
            }
        }
    }
}
