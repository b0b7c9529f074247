using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>
/// The plugin core as the Event Server would run it: an item streams a camera of the XProtect
/// double to nginx-rtmp through a real `rtmpx` helper, which is SIGKILLed and restarted. The double
/// cannot verify a Negotiate exchange, so the helpers log in as its basic user here.
/// </summary>
public class PluginHostTests
{
    private const string Key = "plugin-Interop-KEY-4711";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerFact("ffmpeg", "nginx")]
    public async Task An_item_streams_a_camera_to_nginx_survives_its_helper_killed_and_writes_the_system_log()
    {
        using var temp = new TempDirectory();
        var recording = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 10, Stamping.Presentation);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(XProtectSite.Camera("Lobby", recording)));
        await using var nginx = await NginxRtmp.StartAsync();
        var keys = new Keys();
        var systemLog = new Journal();
        var workers = new ConcurrentQueue<HelperProcessWorker>();
        var logs = new ConcurrentDictionary<string, LogRing>(); // one per stream, as serve keeps them: a crash's lines outlive its helper
        using var launcher = new HelperLauncher("dotnet", RtmpxCli.Locate());
        var host = new PluginStreamHost(new PluginStreamHostOptions
        {
            Connection = new PluginConnection { ManagementServer = site.ManagementServer, BasicUser = "operator", BasicPassword = XProtectSite.Password },
            WorkFolder = temp.File("plugin"),
            Keys = keys,
            SystemLog = systemLog,
            Supervisor = new StreamSupervisorOptions { RestartBackoffInitial = TimeSpan.FromMilliseconds(200), RestartBackoffMax = TimeSpan.FromSeconds(1) },
            Workers = (definition, config) =>
            {
                var worker = new HelperProcessWorker(definition, config, launcher, logs.GetOrAdd(definition.Name, _ => new LogRing(1000)), Serilog.Core.Logger.None);
                workers.Enqueue(worker);
                return worker;
            },
        });

        var id = Guid.NewGuid();
        var url = nginx.Url("lobby") + "?k=" + Key;
        var bag = PluginItemMapper.ToProperties(id, new PluginItemEntry { CameraId = site.Cameras[0].Id, CameraName = "Lobby", Destinations = new List<string> { url } }, keys);
        var item = new PluginItem(id, "Lobby to nginx", bag);
        try
        {
            await host.StartAsync(new[] { item });
            await nginx.WaitForPublishAsync("lobby", Step);
            await systemLog.WaitAsync(SystemLogEntryKind.StreamConnected, 1, Step);

            var helper = workers.Single().Status().ProcessId ?? throw new InvalidOperationException("no helper pid");
            Process.GetProcessById(helper).Kill(); // SIGKILL on Linux

            await systemLog.WaitAsync(SystemLogEntryKind.HelperCrashed, 1, Step);
            await systemLog.WaitAsync(SystemLogEntryKind.StreamConnected, 2, Step);
            Assert.Equal(2, workers.Count);
            Assert.NotEqual(helper, workers.Last().Status().ProcessId);
            Assert.Equal(ItemOperationalState.Ok, (await WaitForStateAsync(host, id, ItemOperationalState.Ok)).State);
            Assert.Contains(host.LiveLog(id), l => l.Level == "WRN" && l.Text.Contains("worker crashed", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }

        var kinds = systemLog.Entries.Select(e => e.Definition.Kind).ToList();
        Assert.Equal(SystemLogEntryKind.PluginStarted, kinds.First());
        Assert.Equal(SystemLogEntryKind.PluginStopped, kinds.Last());
        Assert.Contains(SystemLogEntryKind.StreamStopped, kinds);
        Assert.Contains(systemLog.Entries, e => e.Text == "Camera Lobby is streaming to " + Engine.Streaming.DestinationDefinition.Mask(url));
        var everything = string.Join("\n", systemLog.Entries.SelectMany(e => e.Parameters.Values.Append(e.Text)));
        Assert.DoesNotContain(Key, everything);
        XProtectSite.AssertNoSecret(site, everything);
        Assert.True(workers.All(w => w.Completion.IsCompleted), "every helper stopped");
    }

    private static async Task<ItemState> WaitForStateAsync(PluginStreamHost host, Guid id, ItemOperationalState wanted)
    {
        // The state is polled, as the Management Client polls it (twice a second).
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var state = host.State(id)!;
            if (state.State == wanted || watch.Elapsed > Step)
            {
                return state;
            }

            await Task.Delay(100);
        }
    }

    private sealed class Keys : IStreamKeyStore
    {
        private readonly ConcurrentDictionary<Guid, IReadOnlyList<string>> _urls = new();

        public string Save(Guid itemId, IReadOnlyList<string> destinationUrls)
        {
            _urls[itemId] = destinationUrls.ToList();
            return "memory:" + itemId;
        }

        public IReadOnlyList<string>? Load(Guid itemId) => _urls.TryGetValue(itemId, out var urls) ? urls : null;

        public void Delete(Guid itemId) => _urls.TryRemove(itemId, out _);
    }

    private sealed class Journal : ISystemLog
    {
        private readonly object _gate = new();
        private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<SystemLogEntry> Entries { get; } = new();

        public void Write(SystemLogEntry entry)
        {
            Entries.Enqueue(entry);
            lock (_gate)
            {
                _written.TrySetResult();
                _written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async Task WaitAsync(SystemLogEntryKind kind, int count, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (Entries.Count(e => e.Definition.Kind == kind) < count)
            {
                Task next;
                lock (_gate)
                {
                    next = _written.Task;
                }

                if (Entries.Count(e => e.Definition.Kind == kind) >= count)
                {
                    return;
                }

                var left = timeout - watch.Elapsed;
                if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left)) != next)
                {
                    throw new TimeoutException($"{count} {kind} not written; written: " + string.Join(" | ", Entries.Select(e => e.Text)));
                }
            }
        }
    }
}
