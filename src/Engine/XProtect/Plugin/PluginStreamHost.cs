using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Status.Http;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;
using Serilog.Core;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// The Event Server's background job: runs one stream per enabled item with the engine's
    /// <see cref="StreamSupervisor"/> (a helper process each, restarted with backoff when it
    /// crashes), applies a new item list by restarting only the streams whose definition changed,
    /// and reports item states, System Log entries and live logs, none of them with a key.
    /// </summary>
    public sealed class PluginStreamHost : IAsyncDisposable
    {
        private readonly PluginStreamHostOptions _options;
        private readonly IStreamKeyStore _keys;
        private readonly ILogger _log;
        private readonly SystemLogJournal _journal;
        private readonly PluginHelperConfig _config;
        private readonly StreamSupervisor _supervisor;
        private readonly SemaphoreSlim _applying = new SemaphoreSlim(1, 1);
        private readonly object _gate = new object();
        private Dictionary<Guid, ItemEntry> _items = new Dictionary<Guid, ItemEntry>();
        private SecretScrubber _scrubber = new SecretScrubber(Array.Empty<StreamDefinition>());
        private StatusApiListener? _api;
        private bool _started;
        private bool _disposed;

        /// <summary>Creates a host with no streams; <see cref="StartAsync"/> gives it the items.</summary>
        /// <exception cref="ArgumentException">An option is missing or invalid.</exception>
        public PluginStreamHost(PluginStreamHostOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            var workers = options.Workers ?? throw new ArgumentException("A worker factory is required.", nameof(options));
            _keys = options.Keys ?? throw new ArgumentException("A stream key store is required.", nameof(options));
            var systemLog = options.SystemLog ?? throw new ArgumentException("A System Log is required.", nameof(options));
            if (string.IsNullOrWhiteSpace(options.WorkFolder))
            {
                throw new ArgumentException("A work folder is required.", nameof(options));
            }

            if (options.LiveLogLines < 1)
            {
                throw new ArgumentException("The live log shows at least one line.", nameof(options));
            }

            options.Connection.Validate();
            _log = options.Logger ?? Logger.None;
            _journal = new SystemLogJournal(systemLog, _log);
            _config = new PluginHelperConfig(options.WorkFolder);
            _supervisor = new StreamSupervisor(d => workers(d, _config.File), options.Supervisor ?? new StreamSupervisorOptions { Logger = _log });
            _supervisor.EventRaised += OnEvent;
        }

        /// <summary>The configuration file the helpers read.</summary>
        public string HelperConfigFile => _config.File;

        /// <summary>Where the status API answers; null when it is off or its port was taken.</summary>
        public Uri? StatusApi => _api?.Address;

        /// <summary>Starts the items' streams and the status API, and writes "plugin started".</summary>
        public async Task<StreamChanges> StartAsync(IEnumerable<PluginItem> items)
        {
            var changes = await ApplyAsync(items).ConfigureAwait(false);
            int running;
            lock (_gate)
            {
                _started = true;
                running = RunningCount(_items);
            }

            _api ??= ServeApi(_options.StatusApiPort);

            _journal.PluginStarted(running);
            return changes;
        }

        /// <summary>
        /// Makes the running streams match <paramref name="items"/> (MIP's configuration-changed
        /// indication): new ones start, removed or disabled ones stop, changed ones restart, the
        /// rest run on untouched. An item that breaks a rule runs nothing and reads Error.
        /// </summary>
        public async Task<StreamChanges> ApplyAsync(IEnumerable<PluginItem> items)
        {
            var wanted = new Dictionary<Guid, ItemEntry>();
            foreach (var item in items)
            {
                if (!wanted.ContainsKey(item.Id))
                {
                    wanted.Add(item.Id, ItemEntry.Of(item, _keys));
                }
            }

            await _applying.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(PluginStreamHost));
                }

                Dictionary<Guid, ItemEntry> before;
                var definitions = wanted.Values.Where(e => e.Definition != null).Select(e => e.Definition!).ToList();
                lock (_gate)
                {
                    before = _items;
                    _items = wanted;

                    // The old keys too: a stream being stopped may still report with them.
                    _scrubber = new SecretScrubber(definitions.Concat(before.Values.Where(e => e.Definition != null).Select(e => e.Definition!)));
                }

                _config.Write(_options.Connection, definitions);
                var changes = await _supervisor.ApplyAsync(definitions).ConfigureAwait(false);
                Journal(before, wanted, changes);
                return changes;
            }
            finally
            {
                _applying.Release();
            }
        }

        /// <summary>The item's state icon and reason; null for an item the host does not have.</summary>
        public ItemState? State(Guid itemId)
        {
            ItemEntry? entry;
            SecretScrubber scrubber;
            lock (_gate)
            {
                _items.TryGetValue(itemId, out entry);
                scrubber = _scrubber;
            }

            if (entry == null)
            {
                return null;
            }

            if (entry.Definition == null)
            {
                return new ItemState(ItemOperationalState.Error, entry.Problem);
            }

            var status = _supervisor.Status(entry.Definition.Name);
            if (status == null)
            {
                return null;
            }

            var state = ItemStateMapper.From(status);
            return state.Reason == null ? state : new ItemState(state.State, scrubber.Scrub(state.Reason));
        }

        /// <summary>
        /// The item's live log: lines after <paramref name="after"/> (a sequence the view saw), at
        /// most the newest <see cref="PluginStreamHostOptions.LiveLogLines"/>, oldest first, with levels.
        /// </summary>
        public IReadOnlyList<LogLine> LiveLog(Guid itemId, long after = 0) => LogLines(itemId, after, _options.LiveLogLines);

        /// <summary>The streams as the status API shows them (GET /api/relays), their texts scrubbed of keys.</summary>
        internal IReadOnlyList<StreamerStatus> Streams()
        {
            SecretScrubber scrubber;
            lock (_gate)
            {
                scrubber = _scrubber;
            }

            return _supervisor.Status().Select(s => s.WithTexts(scrubber.Scrub)).ToList();
        }

        private IReadOnlyList<LogLine> LogLines(Guid itemId, long after, int count)
        {
            ItemEntry? entry;
            SecretScrubber scrubber;
            lock (_gate)
            {
                _items.TryGetValue(itemId, out entry);
                scrubber = _scrubber;
            }

            var ring = entry?.Definition == null ? null : _supervisor.Log(entry.Definition.Name);
            if (ring == null)
            {
                return Array.Empty<LogLine>();
            }

            return ring.Since(after, count).Select(l => new LogLine(l.Sequence, l.Timestamp, l.Level, scrubber.Scrub(l.Text))).ToList();
        }

        /// <summary>Stops every stream (each helper unpublishes and exits) and writes "stream stopped" for each, then "plugin stopped".</summary>
        public async ValueTask DisposeAsync()
        {
            await _applying.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _api?.Dispose();
                await _supervisor.DisposeAsync().ConfigureAwait(false);
                Dictionary<Guid, ItemEntry> items;
                bool started;
                lock (_gate)
                {
                    items = _items;
                    started = _started;
                }

                foreach (var entry in items.Values.Where(e => e.Definition?.Enabled == true))
                {
                    _journal.StreamStopped(entry.Definition!.Name, entry.CameraName, "the plugin is stopping");
                }

                if (started)
                {
                    _journal.PluginStopped(RunningCount(items));
                }
            }
            finally
            {
                _applying.Release();
            }
        }

        private StatusApiListener? ServeApi(int port) => StatusApiListener.TryStart(port, new StatusApiRoutes
        {
            Relays = Streams,
            RelayLog = (name, after, tail) => Guid.TryParse(name, out var id) && State(id) != null ? LogLines(id, after, tail) : null,
        }, _log);

        private static int RunningCount(Dictionary<Guid, ItemEntry> items) => items.Values.Count(e => e.Definition?.Enabled == true);

        private void Journal(Dictionary<Guid, ItemEntry> before, Dictionary<Guid, ItemEntry> after, StreamChanges changes)
        {
            var stopped = new HashSet<string>(changes.Removed.Concat(changes.Changed), StringComparer.Ordinal);
            foreach (var old in before.Values.Where(e => e.Definition?.Enabled == true && stopped.Contains(e.Definition.Name)))
            {
                after.TryGetValue(old.Id, out var now);
                var reason = now == null ? "the item was deleted"
                    : now.Definition == null ? "its configuration is invalid"
                    : !now.Definition.Enabled ? "the item was disabled"
                    : "its configuration changed; restarting";
                _journal.StreamStopped(old.Definition!.Name, old.CameraName, reason);
            }

            foreach (var invalid in after.Values.Where(e => e.Definition == null))
            {
                _journal.Invalid(invalid.StreamName, invalid.CameraName, invalid.Problem!);
            }
        }

        private void OnEvent(StreamerEvent e)
        {
            ItemEntry? entry;
            SecretScrubber scrubber;
            lock (_gate)
            {
                entry = _items.Values.FirstOrDefault(i => i.StreamName == e.Stream);
                scrubber = _scrubber;
            }

            _journal.OnEvent(e, entry?.CameraName ?? e.Stream, scrubber);
        }

        /// <summary>One item as the host holds it: its definition, or why it has none.</summary>
        private sealed class ItemEntry
        {
            private ItemEntry(Guid id, string streamName, string cameraName, StreamDefinition? definition, string? problem)
            {
                Id = id;
                StreamName = streamName;
                CameraName = cameraName;
                Definition = definition;
                Problem = problem;
            }

            public Guid Id { get; }

            public string StreamName { get; }

            public string CameraName { get; }

            public StreamDefinition? Definition { get; }

            public string? Problem { get; }

            public static ItemEntry Of(PluginItem item, IStreamKeyStore keys)
            {
                var camera = PluginItemMapper.CameraNameOf(item);
                try
                {
                    return new ItemEntry(item.Id, item.StreamName, camera, PluginItemMapper.ToDefinition(item, keys), null);
                }
                catch (PluginItemException e)
                {
                    return new ItemEntry(item.Id, item.StreamName, camera, null, e.Message);
                }
            }
        }
    }
}
