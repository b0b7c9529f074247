using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Runs the configured streams, one worker each, and on a new configuration restarts only the
    /// streams whose definition changed (a changed URL file counts), stops removed ones and starts
    /// new ones; the others run on untouched. Disabled streams are listed, not run.
    /// </summary>
    internal sealed class RelaySupervisor : IAsyncDisposable
    {
        private readonly Func<StreamDefinition, IRelayWorker> _create;
        private readonly SemaphoreSlim _applying = new SemaphoreSlim(1, 1);
        private readonly object _gate = new object();
        private Dictionary<string, IRelayWorker> _workers = new Dictionary<string, IRelayWorker>(StringComparer.OrdinalIgnoreCase);

        /// <param name="create">Makes the worker of an enabled stream (a helper process; a fake in tests).</param>
        public RelaySupervisor(Func<StreamDefinition, IRelayWorker> create) => _create = create;

        public async Task<RelayChanges> ApplyAsync(IReadOnlyList<StreamDefinition> streams)
        {
            await _applying.WaitAsync().ConfigureAwait(false);
            try
            {
                var old = Snapshot();
                var next = new Dictionary<string, IRelayWorker>(StringComparer.OrdinalIgnoreCase);
                var started = new List<string>();
                var restarted = new List<string>();
                var stopping = new List<IRelayWorker>();
                var unchanged = 0;
                foreach (var stream in streams)
                {
                    if (old.TryGetValue(stream.Name, out var running) && Same(running.Definition, stream))
                    {
                        next[stream.Name] = running;
                        unchanged++;
                        continue;
                    }

                    if (running != null)
                    {
                        stopping.Add(running);
                        restarted.Add(stream.Name);
                    }
                    else
                    {
                        started.Add(stream.Name);
                    }

                    next[stream.Name] = stream.Enabled ? _create(stream) : new DisabledRelay(stream);
                }

                var removed = old.Where(w => !next.ContainsKey(w.Key)).ToList();
                stopping.AddRange(removed.Select(w => w.Value));

                // A changed stream's old helper ends before its new one starts: a destination takes one publisher.
                await Task.WhenAll(stopping.Select(w => w.StopAsync())).ConfigureAwait(false);
                lock (_gate)
                {
                    _workers = next;
                }

                foreach (var name in started.Concat(restarted))
                {
                    next[name].Start();
                }

                return new RelayChanges(started, restarted, removed.Select(w => w.Key).ToList(), unchanged);
            }
            finally
            {
                _applying.Release();
            }
        }

        public IReadOnlyList<RelayStatus> Statuses() => Snapshot().Values.Select(w => w.Status()).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();

        public IRelayWorker? Find(string name) => Snapshot().TryGetValue(name, out var worker) ? worker : null;

        public async ValueTask DisposeAsync() => await ApplyAsync(Array.Empty<StreamDefinition>()).ConfigureAwait(false);

        // Every field counts, the URL too: a new key must reach the helper.
        private static bool Same(StreamDefinition a, StreamDefinition b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

        private Dictionary<string, IRelayWorker> Snapshot()
        {
            lock (_gate)
            {
                return _workers;
            }
        }
    }
}
