using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Players;
using RtmpXProtect.Bench.Load.Publishing;
using RtmpXProtect.Bench.Load.Runtime;
using RtmpXProtect.Bench.Load.Servers;

namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>
/// Runs one scenario against one running server and measures it from outside: /proc CPU and RSS
/// of the server's process tree, and what the load generator's clients saw.
/// </summary>
internal sealed class ScenarioRunner
{
    private const string App = "live";
    private const double FullRateShare = 0.95;
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(30);

    // A saturated server (nginx-rtmp's one worker at 5000 players) answers each batch late: the
    // scenario measures whoever got through by then instead of waiting 30 s a batch for an hour.
    private static readonly TimeSpan MaxSetup = TimeSpan.FromMinutes(3);

    private readonly IReadOnlyDictionary<int, MediaFile> _media;
    private readonly RunSettings _settings;

    /// <summary>A runner with the media of every bitrate the scenarios use, by video kbps.</summary>
    public ScenarioRunner(IReadOnlyDictionary<int, MediaFile> media, RunSettings settings)
    {
        _media = media;
        _settings = settings;
    }

    /// <summary>Runs <paramref name="scenario"/> against the server on 127.0.0.1:<paramref name="port"/> whose process is <paramref name="pid"/>.</summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, string server, int port, int pid, GcPauseMonitor? gc = null)
    {
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        var idle = ProcessTree.ResidentBytes(pid);
        await using var rss = new RssSampler(pid);
        using var stop = new CancellationTokenSource();
        var log = new SendLog();
        var window = new MeasurementWindow();
        var tasks = new List<Task>();
        var publishers = new List<LoopingPublisher>();
        var players = new List<PlayerConnection>();
        string? note = null;
        var setupEnds = DateTime.UtcNow + MaxSetup;
        try
        {
            var media = _media[scenario.VideoKbps];
            for (var i = 0; i < scenario.Publishers; i++)
            {
                var stream = scenario.Kind == ScenarioKind.Ingest ? "ingest" + i : "bench";
                var publisher = new LoopingPublisher(media, new StreamTarget("127.0.0.1", port, App, stream), scenario.Kind == ScenarioKind.Ingest ? null : log);
                publishers.Add(publisher);
                tasks.Add(publisher.RunAsync(stop.Token));
                if ((i + 1) % _settings.ConnectBatch == 0)
                {
                    await Settle(publishers.Select(p => p.Publishing), setupEnds).ConfigureAwait(false);
                }
            }

            await Settle(publishers.Select(p => p.Publishing), setupEnds).ConfigureAwait(false);
            var target = new StreamTarget("127.0.0.1", port, App, "bench");
            if (scenario.Kind == ScenarioKind.Soak)
            {
                return await WithGcAsync(await SoakAsync(scenario, server, pid, idle, rss, publishers[0], target, window, gc, stop.Token).ConfigureAwait(false), gc).ConfigureAwait(false);
            }

            if (scenario.Kind == ScenarioKind.Join)
            {
                return await WithGcAsync(await JoinAsync(scenario, server, pid, idle, rss, publishers[0], target, log, window, gc, tasks, players, stop.Token).ConfigureAwait(false), gc).ConfigureAwait(false);
            }

            for (var i = 0; i < scenario.Players; i++)
            {
                var player = new PlayerConnection(target, log, window, scenario.Kind == ScenarioKind.FanOut ? _settings.FanOutReceiveLowWater : 0);
                players.Add(player);
                tasks.Add(player.RunAsync(stop.Token));
                if ((i + 1) % _settings.ConnectBatch == 0)
                {
                    await Settle(players.Skip(i + 1 - _settings.ConnectBatch).Select(p => p.Playing), setupEnds).ConfigureAwait(false);
                }
            }

            await Settle(players.Select(p => p.Playing), setupEnds).ConfigureAwait(false);
            await Task.Delay(_settings.Warmup).ConfigureAwait(false);

            var before = Snapshot.Take(pid, players, publishers);
            window.Open();
            gc?.Open();
            await Task.Delay(scenario.Window(_settings)).ConfigureAwait(false);
            gc?.Close();
            window.Close();
            var after = Snapshot.Take(pid, players, publishers);
            var seconds = Stopwatch.GetElapsedTime(before.Ticks, after.Ticks).TotalSeconds;

            var clients = scenario.Kind == ScenarioKind.Ingest ? publishers.Count : players.Count;
            int fullRate;
            double bytes;
            if (scenario.Kind == ScenarioKind.Ingest)
            {
                var expected = media.MediaBytesPerSecond * seconds;
                fullRate = Enumerable.Range(0, publishers.Count).Count(i => after.PublisherMedia[i] - before.PublisherMedia[i] >= FullRateShare * expected);
                bytes = after.PublisherMedia.Sum() - before.PublisherMedia.Sum();
            }
            else
            {
                var expected = after.PublisherMedia[0] - before.PublisherMedia[0];
                fullRate = Enumerable.Range(0, players.Count).Count(i => after.PlayerMedia[i] - before.PlayerMedia[i] >= FullRateShare * expected);
                bytes = after.PlayerBytes.Sum() - before.PlayerBytes.Sum();
            }

            var peak = rss.PeakBytes;
            var latencies = players.SelectMany(p => p.Latencies).Select(v => (double)v).OrderBy(v => v).ToList();
            var firstKeyframes = FirstKeyframeMilliseconds(players);
            return await WithGcAsync(Measured(server, scenario, before, after, idle, peak) with
            {
                Bytes = bytes,
                RssPerClientKiB = clients > 0 ? (peak - idle) / 1024.0 / clients : double.NaN,
                Clients = clients,
                Disconnects = Disconnects(players, publishers),
                FullRate = fullRate,
                WithKeyframe = firstKeyframes.Count,
                FirstKeyframeP50Ms = Percentiles.Of(firstKeyframes, 50),
                FirstKeyframeP99Ms = Percentiles.Of(firstKeyframes, 99),
                LatencyP50Ms = Percentiles.Of(latencies, 50),
                LatencyP99Ms = Percentiles.Of(latencies, 99),
                LatencyMaxMs = latencies.Count > 0 ? latencies[^1] : double.NaN,
                LatencySamples = latencies.Count,
                Note = note ?? FirstFailure(players, publishers),
            }, gc).ConfigureAwait(false);
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    private async Task<ScenarioResult> JoinAsync(Scenario scenario, string server, int pid, long idle, RssSampler rss, LoopingPublisher publisher, StreamTarget target, SendLog log, MeasurementWindow window, GcPauseMonitor? gc, List<Task> tasks, List<PlayerConnection> players, CancellationToken stop)
    {
        // Two GOPs in, so every server has a full GOP cached (those that cache).
        var gop = _settings.Gop;
        await Task.Delay(gop * 2.25).ConfigureAwait(false);
        var keyframe = publisher.LastKeyframeTicks;
        var gopTicks = (long)(gop.TotalSeconds * Stopwatch.Frequency);
        var first = keyframe + (gopTicks / 2);
        while (first < Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 10))
        {
            first += gopTicks;
        }

        // Starting half a GOP (1 s) after a keyframe, spread over one GOP: joins land at every point of it.
        var before = Snapshot.Take(pid, players, new[] { publisher });
        window.Open();
        gc?.Open();
        for (var i = 0; i < scenario.Players; i++)
        {
            var due = first + (gopTicks * i / scenario.Players);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            var player = new PlayerConnection(target, log, window);
            players.Add(player);
            tasks.Add(player.RunAsync(stop));
        }

        var deadline = Stopwatch.GetTimestamp() + (gopTicks * 3);
        while (players.Any(p => p.FirstKeyframeTicks == 0 && !p.Disconnected) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        gc?.Close();
        window.Close();
        var after = Snapshot.Take(pid, players, new[] { publisher });
        var firstKeyframes = FirstKeyframeMilliseconds(players);
        var peak = rss.PeakBytes;
        return Measured(server, scenario, before, after, idle, peak) with
        {
            Bytes = after.PlayerBytes.Sum(),
            RssPerClientKiB = (peak - idle) / 1024.0 / players.Count,
            Clients = players.Count,
            Disconnects = Disconnects(players, new[] { publisher }),
            FullRate = firstKeyframes.Count,
            FirstKeyframeP50Ms = Percentiles.Of(firstKeyframes, 50),
            FirstKeyframeP99Ms = Percentiles.Of(firstKeyframes, 99),
            Note = firstKeyframes.Count < players.Count ? $"{players.Count - firstKeyframes.Count} players got no keyframe" : FirstFailure(players, new[] { publisher }),
        };
    }

    // Players join and leave for the whole window, about Players at a time and Connects in all, each
    // staying a random time around the mean that gives that count. RSS is compared at the end of the
    // first tenth of the window (pools, caches and the GC's budgets have grown by then) and at its
    // end, each the median of a few samples, with the same number of players on.
    private async Task<ScenarioResult> SoakAsync(Scenario scenario, string server, int pid, long idle, RssSampler rss, LoopingPublisher publisher, StreamTarget target, MeasurementWindow window, GcPauseMonitor? gc, CancellationToken stop)
    {
        var random = new Random(20261203);
        var meanStay = scenario.Window(_settings).TotalSeconds * scenario.Players / scenario.Connects;
        var live = new List<(PlayerConnection Player, CancellationTokenSource Leave, Task Run, long LeaveAt)>();
        var gone = new List<PlayerConnection>();
        var connects = 0;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(scenario.Window(_settings).TotalSeconds * Stopwatch.Frequency);
        var warmAt = started + ((end - started) / 10);
        Task<long>? warmRss = null;
        var before = Snapshot.Take(pid, Array.Empty<PlayerConnection>(), new[] { publisher });
        window.Open();
        gc?.Open();
        void Join()
        {
            var player = new PlayerConnection(target, null, null, _settings.FanOutReceiveLowWater);
            var leave = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var stay = meanStay * (0.5 + random.NextDouble());
            live.Add((player, leave, player.RunAsync(leave.Token), Stopwatch.GetTimestamp() + (long)(stay * Stopwatch.Frequency)));
            connects++;
        }

        while (Stopwatch.GetTimestamp() < end)
        {
            var now = Stopwatch.GetTimestamp();
            for (var i = live.Count - 1; i >= 0; i--)
            {
                if (live[i].LeaveAt <= now || live[i].Run.IsCompleted)
                {
                    live[i].Leave.Cancel();
                    await live[i].Run.ConfigureAwait(false);
                    live[i].Leave.Dispose();
                    gone.Add(live[i].Player);
                    live.RemoveAt(i);
                }
            }

            while (live.Count < scenario.Players)
            {
                Join();
            }

            // Sampled beside the loop: the median takes 1.8 s, in which players keep coming and going.
            if (warmRss == null && now >= warmAt)
            {
                warmRss = MedianRss(pid);
            }

            await Task.Delay(50, stop).ConfigureAwait(false);
        }

        var warm = warmRss == null ? 0 : await warmRss.ConfigureAwait(false);
        var endRss = await MedianRss(pid).ConfigureAwait(false);
        gc?.Close();
        window.Close();
        var all = gone.Concat(live.Select(l => l.Player)).ToList();
        var after = Snapshot.Take(pid, Array.Empty<PlayerConnection>(), new[] { publisher });
        foreach (var (player, leave, run, _) in live)
        {
            leave.Cancel();
            await run.ConfigureAwait(false);
            leave.Dispose();
        }

        return Measured(server, scenario, before, after, idle, rss.PeakBytes) with
        {
            Bytes = all.Sum(p => (double)p.BytesReceived),
            RssPerClientKiB = (rss.PeakBytes - idle) / 1024.0 / scenario.Players,
            WarmRssMiB = warm / 1048576.0,
            EndRssMiB = endRss / 1048576.0,
            Clients = connects,
            Disconnects = all.Count(p => p.Disconnected) + (publisher.Disconnected ? 1 : 0),
            FullRate = all.Count(p => p.FirstKeyframeTicks != 0),
            Note = FirstFailure(all, new[] { publisher }),
        };
    }

    // What every scenario measures the same way: the window, the server's and the generator's CPU, and RSS.
    private static ScenarioResult Measured(string server, Scenario scenario, Snapshot before, Snapshot after, long idle, long peak) => new()
    {
        Server = server,
        Scenario = scenario.Name,
        WindowSeconds = Stopwatch.GetElapsedTime(before.Ticks, after.Ticks).TotalSeconds,
        CpuSeconds = after.ServerCpu - before.ServerCpu,
        LoadgenCpuSeconds = after.OwnCpu - before.OwnCpu,
        IdleRssMiB = idle / 1048576.0,
        PeakRssMiB = peak / 1048576.0,
    };

    private static async Task<long> MedianRss(int pid)
    {
        var samples = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            samples.Add(ProcessTree.ResidentBytes(pid));
            await Task.Delay(200).ConfigureAwait(false);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static async Task<ScenarioResult> WithGcAsync(ScenarioResult result, GcPauseMonitor? gc) =>
        gc == null ? result : result with { Gc = await gc.StopAsync().ConfigureAwait(false) };

    private static List<double> FirstKeyframeMilliseconds(IEnumerable<PlayerConnection> players) =>
        players.Where(p => p.FirstKeyframeTicks != 0)
            .Select(p => Stopwatch.GetElapsedTime(p.ConnectStartTicks, p.FirstKeyframeTicks).TotalMilliseconds)
            .OrderBy(v => v)
            .ToList();

    private static int Disconnects(IEnumerable<PlayerConnection> players, IEnumerable<LoopingPublisher> publishers) =>
        players.Count(p => p.Disconnected) + publishers.Count(p => p.Disconnected);

    private static string? FirstFailure(IEnumerable<PlayerConnection> players, IEnumerable<LoopingPublisher> publishers) =>
        publishers.Select(p => p.Failure).Concat(players.Select(p => p.Failure)).FirstOrDefault(f => f != null);

    /// <summary>Waits for setup steps (Play.Start, Publish.Start), tolerating the ones that fail: failures are counted later.</summary>
    private static async Task Settle(IEnumerable<Task> steps, DateTime setupEnds)
    {
        var left = setupEnds - DateTime.UtcNow;
        if (left <= TimeSpan.Zero)
        {
            return;
        }

        var all = Task.WhenAll(steps);
        try
        {
            await all.WaitAsync(left < SetupTimeout ? left : SetupTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException || e is TimeoutException)
        {
        }
    }
}
