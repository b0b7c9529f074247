using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Publishing;
using RtmpXProtect.Bench.Load.Runtime;
using RtmpXProtect.Bench.Load.Scenarios;
using RtmpXProtect.Bench.Load.Servers;

namespace RtmpXProtect.Bench.Load;

/// <summary>
/// Runs scenarios against every available server for several rounds. Within a round each
/// scenario runs on each server in turn (the first server rotates per round, so no server always
/// goes first); every run gets a fresh server process.
/// </summary>
internal sealed class Benchmark
{
    private readonly BenchPaths _paths;
    private readonly ServerLauncher _launcher;

    public Benchmark(BenchPaths paths, RtmpxBinary? rtmpx, IReadOnlyDictionary<string, long> rtmpxLimits)
    {
        _paths = paths;
        _launcher = new ServerLauncher(paths, rtmpx, rtmpxLimits);
    }

    public async Task<BenchmarkResults> RunAsync(IReadOnlyList<Scenario> scenarios, IReadOnlyList<ServerKind> servers, int rounds, RunSettings settings)
    {
        var media = new Dictionary<int, MediaFile>();
        foreach (var kbps in scenarios.Select(s => s.VideoKbps).Distinct())
        {
            media[kbps] = MediaFile.Load(await MediaCache.EnsureAsync(_paths.Cache, kbps).ConfigureAwait(false));
            Console.WriteLine($"media: {kbps} kbps file {media[kbps].MediaBytesPerSecond * 8 / 1e6:0.00} Mbps of A/V");
        }

        if (servers.Contains(ServerKind.Nms))
        {
            await NodeMediaServerPackage.EnsureAsync(_paths).ConfigureAwait(false);
        }

        var runner = new ScenarioRunner(media, settings);
        var results = new BenchmarkResults();
        var available = new List<ServerKind>();
        foreach (var kind in servers)
        {
            if (_launcher.Unavailable(kind) is { } reason)
            {
                results.Unavailable[ServerLauncher.Label(kind)] = reason;
                Console.WriteLine($"{ServerLauncher.Label(kind)}: not available ({reason})");
            }
            else
            {
                available.Add(kind);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                for (var i = 0; i < available.Count; i++)
                {
                    var kind = available[(i + round) % available.Count];
                    var label = ServerLauncher.Label(kind);
                    Console.Write($"round {round + 1}/{rounds}  {scenario.Name,-14} {label,-18} ");
                    try
                    {
                        await using var server = await _launcher.StartAsync(kind, scenario.Players + scenario.Publishers).ConfigureAwait(false);
                        await using var gc = kind == ServerKind.Rtmpx ? GcPauseMonitor.TryStart(server.ProcessId) : null;
                        var result = await runner.RunAsync(scenario, label, server.Port, server.ProcessId, gc).ConfigureAwait(false);
                        if (server.HasExited)
                        {
                            result = result with { Note = "server exited: " + server.OutputTail.Split('\n').LastOrDefault() };
                        }

                        results.Runs.Add(result);
                        Console.WriteLine($"cpu {result.CpuSeconds,6:0.00} s  {result.CpuSecondsPerGB,6:0.00} s/GB  rss {result.PeakRssMiB,6:0.0} MiB  disc {result.Disconnects}  full {result.FullRate}/{result.Clients}  ttfk50 {result.FirstKeyframeP50Ms,6:0} ms  lat99 {result.LatencyP99Ms,6:0.0} ms  loadgen {result.LoadgenCpuSeconds:0.00} s{(result.Gc is { } g ? $"  gc {g.Gen0}/{g.Gen1}/{g.Gen2} max {g.MaxPauseMs:0.00} ms (gen0/1 {g.MaxYoungPauseMs:0.00})" : "")} {result.Note}");
                    }
                    catch (Exception e) when (e is InvalidOperationException || e is System.IO.IOException)
                    {
                        Console.WriteLine("failed: " + e.Message);
                        results.Failures.Add($"{scenario.Name} / {label}: {e.Message.Split('\n')[0]}");
                    }
                }
            }
        }

        return results;
    }
}
