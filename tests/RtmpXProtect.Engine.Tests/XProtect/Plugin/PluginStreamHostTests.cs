using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Tests.Streaming.Running;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Tests.Shared;
using Serilog.Events;
using Serilog.Parsing;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin
{
    public sealed class PluginStreamHostTests : IDisposable
    {
        private const string Key = "zq7-SECRET-KEY-998";
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "rtmpx-plugin-" + Guid.NewGuid().ToString("N"));
        private readonly MemoryStreamKeyStore _keys = new MemoryStreamKeyStore();
        private readonly RecordingSystemLog _systemLog = new RecordingSystemLog();
        private readonly ConcurrentQueue<(FakeWorker Worker, string Config)> _workers = new ConcurrentQueue<(FakeWorker, string)>();
        private readonly SemaphoreSlim _created = new SemaphoreSlim(0);

        public void Dispose()
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        [Fact]
        public async Task A_configuration_change_restarts_only_the_changed_item_and_stops_the_disabled_and_removed()
        {
            var a = Item("Lobby", "rtmp://h/live/a-" + Key);
            var b = Item("Gate", "rtmp://h/live/b-" + Key);
            var c = Item("Dock", "rtmp://h/live/c-" + Key);
            await using var host = Host();
            var started = await host.StartAsync(new[] { a, b, c });
            Assert.Equal(3, started.Added.Count);
            await Created(3);
            Assert.Equal("RtmpXProtect streaming started with 3 stream(s)", (await _systemLog.WaitForAsync(SystemLogEntryKind.PluginStarted, Timeout)).Text);

            var b2 = Rekeyed(b, "rtmp://h/live/b2-" + Key);
            var changes = await host.ApplyAsync(new[] { Item(a), b2, Disabled(c) });

            Assert.Equal(new[] { a.StreamName }, changes.Unchanged);
            Assert.Equal(new[] { b.StreamName, c.StreamName }.OrderBy(n => n), changes.Changed.OrderBy(n => n));
            await Created(4);
            Assert.False(Worker(a).Stopped);
            Assert.True(_workers.First(w => w.Worker.Definition.Name == b.StreamName).Worker.Stopped);
            Assert.Equal("rtmp://h/live/b2-" + Key, _workers.Last().Worker.Definition.Destinations[0].Url);
            Assert.Equal(ItemOperationalState.Disabled, host.State(c.Id)!.State);
            Assert.Equal(ItemOperationalState.Ok, host.State(a.Id)!.State);

            var removed = await host.ApplyAsync(new[] { Item(a), b2 });
            Assert.Equal(new[] { c.StreamName }, removed.Removed);
            var stops = _systemLog.Entries.Where(e => e.Definition.Kind == SystemLogEntryKind.StreamStopped).Select(e => e.Text).ToList();
            Assert.Equal(new[] { "Camera Gate stopped streaming: its configuration changed; restarting", "Camera Dock stopped streaming: the item was disabled" }.OrderBy(t => t), stops.OrderBy(t => t));
            Assert.Null(host.State(c.Id));
            AssertNoKey();
        }

        [Fact]
        public async Task Events_become_system_log_entries_with_masked_parameters_and_a_repeated_error_is_written_once()
        {
            var a = Item("Lobby", "rtmp://h/live/" + Key);
            await using var host = Host();
            await host.StartAsync(new[] { a });
            await Created(1);
            var worker = Worker(a);
            var destination = DestinationDefinition.Mask("rtmp://h/live/" + Key);

            worker.Raise(Event(a, StreamerEventKind.Connected, destination, "publishing to " + destination));
            worker.Raise(Event(a, StreamerEventKind.Error, destination, "server said: bad stream name " + Key));
            worker.Raise(Event(a, StreamerEventKind.Error, destination, "server said: bad stream name " + Key));
            worker.Raise(Event(a, StreamerEventKind.Error, null, "source stalled"));
            worker.Raise(Event(a, StreamerEventKind.Connected, destination, "publishing"));
            worker.Raise(Event(a, StreamerEventKind.Error, destination, "server said: bad stream name " + Key));

            Assert.Equal("Camera Lobby is streaming to rtmp://h:1935/live/****", (await _systemLog.WaitForAsync(SystemLogEntryKind.StreamConnected, Timeout)).Text);
            var error = await _systemLog.WaitForAsync(SystemLogEntryKind.StreamError, Timeout);
            Assert.Equal("Camera Lobby, rtmp://h:1935/live/****: server said: bad stream name ****", error.Text);
            Assert.Equal(SystemLogSeverity.Error, error.Definition.Severity);
            Assert.Equal("Camera Lobby, source: source stalled", (await _systemLog.WaitForAsync(SystemLogEntryKind.StreamError, Timeout, 2)).Text);
            await _systemLog.WaitForAsync(SystemLogEntryKind.StreamError, Timeout, 3);
            Assert.Equal(3, _systemLog.Count(SystemLogEntryKind.StreamError));
            AssertNoKey();
        }

        [Fact]
        public async Task A_crashed_helper_is_restarted_and_logged_and_stopping_the_plugin_logs_every_stream()
        {
            var a = Item("Lobby", "rtmp://h/live/" + Key);
            var host = Host();
            await host.StartAsync(new[] { a });
            await Created(1);

            Worker(a).Crash();
            await Created(2);
            var crash = await _systemLog.WaitForAsync(SystemLogEntryKind.HelperCrashed, Timeout);
            Assert.StartsWith("The helper streaming camera Lobby ended unexpectedly and is restarted: worker crashed", crash.Text);

            await host.DisposeAsync();
            Assert.Equal("Camera Lobby stopped streaming: the plugin is stopping", (await _systemLog.WaitForAsync(SystemLogEntryKind.StreamStopped, Timeout)).Text);
            Assert.Equal("RtmpXProtect streaming stopped (1 stream(s))", (await _systemLog.WaitForAsync(SystemLogEntryKind.PluginStopped, Timeout)).Text);
            Assert.True(_workers.Last().Worker.Stopped);
            AssertNoKey();
        }

        [Fact]
        public async Task An_invalid_item_runs_nothing_reads_error_and_is_logged_once()
        {
            var good = Item("Lobby", "rtmp://h/live/" + Key);
            var props = good.Properties.ToDictionary(p => p.Key, p => p.Value);
            props[PluginItemKeys.Audio] = "Loud";
            var bad = new PluginItem(good.Id, "Broken", props);
            await using var host = Host();

            await host.StartAsync(new[] { bad });
            await host.ApplyAsync(new[] { bad });

            Assert.Empty(_workers);
            var state = host.State(bad.Id)!;
            Assert.Equal(ItemOperationalState.Error, state.State);
            Assert.Equal("audio must be Auto, Passthrough, Silent or None", state.Reason);
            Assert.Equal(1, _systemLog.Count(SystemLogEntryKind.StreamError));
            Assert.Empty(host.LiveLog(bad.Id));
        }

        [Fact]
        public async Task The_live_log_holds_the_last_40_lines_with_levels_and_no_key()
        {
            var a = Item("Lobby", "rtmp://h/live/" + Key);
            await using var host = Host();
            await host.StartAsync(new[] { a });
            await Created(1);
            var ring = Worker(a).Log;
            for (var i = 0; i < 8; i++)
            {
                ring.Emit(new LogEvent(DateTimeOffset.Now, i == 7 ? LogEventLevel.Error : LogEventLevel.Information, null, new MessageTemplateParser().Parse("line " + i + " " + Key), Enumerable.Empty<LogEventProperty>()));
            }

            var lines = host.LiveLog(a.Id);

            Assert.Equal(8, lines.Count);
            Assert.Equal("ERR", lines[^1].Level);
            Assert.All(lines, l => Assert.DoesNotContain(Key, l.Text));
            Assert.EndsWith("line 7 ****", lines[^1].Text);
            Assert.Equal(2, host.LiveLog(a.Id, after: lines[5].Sequence).Count);
        }

        [Fact]
        public async Task The_status_api_serves_the_streams_and_their_live_logs_that_get_rtmp_stream_reads_without_a_key()
        {
            var a = Item("Lobby", "rtmp://h/live/" + Key);
            await using var host = Host(statusApiPort: FreePort.Get());
            await host.StartAsync(new[] { a });
            await Created(1);
            Worker(a).Log.Emit(new LogEvent(DateTimeOffset.Now, LogEventLevel.Warning, null, new MessageTemplateParser().Parse("retrying rtmp://h/live/" + Key), Enumerable.Empty<LogEventProperty>()));
            using var client = new RtmpXProtect.Engine.Management.StatusApiClient(host.StatusApi);
            using var cancel = new CancellationTokenSource(Timeout);

            var streams = await client.GetStreamsAsync(cancel.Token);
            var log = await client.GetStreamLogAsync(a.StreamName, 40, null, cancel.Token);

            Assert.Equal(new[] { a.StreamName }, streams.Select(s => s.Name));
            Assert.Equal("WRN", Assert.Single(log!).Level);
            Assert.EndsWith("retrying ****", log![0].Text);
            Assert.NotNull(await client.GetStreamAsync(a.StreamName, cancel.Token));
            Assert.Null(await client.GetStreamAsync(Guid.NewGuid().ToString(), cancel.Token));
            Assert.Null(await client.GetStreamLogAsync("not-an-item", 40, null, cancel.Token));
        }

        [Fact]
        public async Task The_live_log_shows_at_most_the_configured_lines()
        {
            var a = Item("Lobby", "rtmp://h/live/" + Key);
            await using var host = Host(liveLogLines: 3);
            await host.StartAsync(new[] { a });
            await Created(1);
            for (var i = 0; i < 5; i++)
            {
                Worker(a).Log.Emit(new LogEvent(DateTimeOffset.Now, LogEventLevel.Information, null, new MessageTemplateParser().Parse("line " + i), Enumerable.Empty<LogEventProperty>()));
            }

            Assert.Equal(new[] { "line 2", "line 3", "line 4" }, host.LiveLog(a.Id).Select(l => l.Text.Substring(l.Text.IndexOf("line", StringComparison.Ordinal))));
        }

        [Fact]
        public async Task The_helpers_read_their_streams_from_a_file_that_logs_in_as_the_windows_account_and_holds_no_key()
        {
            var a = Item("Lobby", "rtmp://h/live/" + Key);
            await using var host = Host();
            await host.StartAsync(new[] { a, Disabled(Item("Gate", "rtmp://h/live/g-" + Key)) });
            await Created(1);

            var config = _workers.Single().Config;
            Assert.Equal(host.HelperConfigFile, config);
            Assert.DoesNotContain(Key, File.ReadAllText(config));
            var loaded = RtmpxConfigLoader.Load(config);
            var definitions = StreamsMapper.ToStreamDefinitions(loaded, Path.GetDirectoryName(config)!);
            Assert.Equal(new[] { "rtmp://h/live/" + Key, "rtmp://h/live/g-" + Key }, definitions.Select(d => d.Destinations.Single().Url));
            Assert.Equal("xprotect:" + a.Properties[PluginItemKeys.CameraId], definitions[0].Source);
            var server = XProtectMapper.ToServerOptions(loaded.XProtect, Path.GetDirectoryName(config)!)!;
            Assert.True(server.WindowsUser);
            Assert.Null(server.User);
            Assert.Null(server.Password);
            Assert.Equal(new Uri("https://vms.example.com"), server.ManagementServer);

            // Removing an item removes its key file.
            await host.ApplyAsync(new[] { a });
            Assert.Single(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(config)!, "secrets")));
        }

        [Fact]
        public void The_in_process_source_options_use_negotiate_as_the_current_account()
        {
            var options = new PluginConnection { ManagementServer = new Uri("https://vms.example.com") }.ToSourceOptions();
            Assert.True(options.Server.WindowsUser);
            Assert.Null(options.Server.User);
            Assert.Null(options.Server.Password);
        }

        // No status API unless a test asks: hosts in parallel tests would contend for the default port.
        private PluginStreamHost Host(int liveLogLines = 40, int statusApiPort = 0) => new PluginStreamHost(new PluginStreamHostOptions
        {
            StatusApiPort = statusApiPort,
            Connection = new PluginConnection { ManagementServer = new Uri("https://vms.example.com/") },
            WorkFolder = _folder,
            Keys = _keys,
            SystemLog = _systemLog,
            LiveLogLines = liveLogLines,
            Supervisor = new StreamSupervisorOptions { RestartBackoffInitial = TimeSpan.FromMilliseconds(5), RestartBackoffMax = TimeSpan.FromMilliseconds(20), Random = new Random(3) },
            Workers = (definition, config) =>
            {
                var worker = new FakeWorker(definition);
                _workers.Enqueue((worker, config));
                _created.Release();
                return worker;
            },
        });

        private PluginItem Item(string camera, params string[] urls)
        {
            var id = Guid.NewGuid();
            var bag = PluginItemMapper.ToProperties(id, new PluginItemEntry { CameraId = Guid.NewGuid(), CameraName = camera, Destinations = urls.ToList() }, _keys);
            return new PluginItem(id, camera, bag);
        }

        // The same item as a new object: MIP hands over a fresh list on every change.
        private static PluginItem Item(PluginItem item) => new PluginItem(item.Id, item.Name, item.Properties.ToDictionary(p => p.Key, p => p.Value));

        private PluginItem Rekeyed(PluginItem item, string url)
        {
            var entry = new PluginItemEntry { CameraId = Guid.Parse(item.Properties[PluginItemKeys.CameraId]), CameraName = item.Properties[PluginItemKeys.CameraName], Destinations = new List<string> { url } };
            return new PluginItem(item.Id, item.Name, PluginItemMapper.ToProperties(item.Id, entry, _keys));
        }

        private static PluginItem Disabled(PluginItem item)
        {
            var bag = item.Properties.ToDictionary(p => p.Key, p => p.Value);
            bag[PluginItemKeys.Enabled] = "false";
            return new PluginItem(item.Id, item.Name, bag);
        }

        private static StreamerEvent Event(PluginItem item, StreamerEventKind kind, string? destination, string message)
            => new StreamerEvent { Kind = kind, Stream = item.StreamName, Destination = destination, Message = message, State = StreamerState.Streaming, Time = DateTimeOffset.UtcNow };

        private FakeWorker Worker(PluginItem item) => _workers.Last(w => w.Worker.Definition.Name == item.StreamName).Worker;

        private async Task Created(int count)
        {
            while (_workers.Count < count)
            {
                Assert.True(await _created.WaitAsync(Timeout), $"{count} workers not created");
            }
        }

        private void AssertNoKey()
        {
            foreach (var entry in _systemLog.Entries)
            {
                Assert.DoesNotContain(Key, entry.Text);
                Assert.All(entry.Parameters.Values, v => Assert.DoesNotContain(Key, v));
            }
        }
    }
}
