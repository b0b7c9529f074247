using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RtmpXProtect.Bench.Load.Runtime;
using RtmpXProtect.Bench.Load.Scenarios;
using RtmpXProtect.Bench.Load.Servers;

namespace RtmpXProtect.Bench.Load.Reporting;

/// <summary>
/// Writes the medians across rounds per scenario and server, the ratios rtmpx / nginx-rtmp and
/// rtmpx / node-media-server, and whether each engine target is met, as markdown.
/// </summary>
internal static class MarkdownReport
{
    private static readonly string Rtmpx = ServerLauncher.Label(ServerKind.Rtmpx);
    private static readonly string Nginx = ServerLauncher.Label(ServerKind.Nginx);
    private static readonly string Nms = ServerLauncher.Label(ServerKind.Nms);

    public static string Write(BenchmarkResults results, IReadOnlyList<Scenario> scenarios, MachineInfo machine, string command, int rounds, RunSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine("# Performance: rtmpx next to nginx-rtmp and node-media-server");
        text.AppendLine();
        text.AppendLine("Measured from outside each server by `bench/Load` (one process, async sockets, lean players that scan");
        text.AppendLine("chunk headers without assembling payloads). CPU = utime + stime of the server's process tree from");
        text.AppendLine("/proc over the measured window; RSS sampled every 200 ms; bytes = what the players received (ingest:");
        text.AppendLine("what the publishers sent); full rate = a client moved >= 95 % of the expected media bytes in the window;");
        text.AppendLine("latency = player receive time - publisher send time of the same video message (loopback, same clock).");
        text.AppendLine("Fan-out players wake only at 16 KiB (SO_RCVLOWAT) to keep the generator cheap, so fan-out latency and first-keyframe figures include up to ~60 ms of that; latency and join players wake on every byte.");
        text.AppendLine($"Every figure is the median of {rounds} round(s); each run gets a fresh server; window {settings.Duration.TotalSeconds:0} s after {settings.Warmup.TotalSeconds:0} s warm-up.");
        text.AppendLine();
        text.AppendLine("Reproduce from the repository root (it builds rtmpx in Release, makes the media with ffmpeg and installs node-media-server@4 with npm on first use):");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(command);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.AppendLine($"- CPU: {machine.Cpu}, {machine.Cores} cores (nproc)");
        text.AppendLine($"- RAM: {machine.Memory}; kernel {machine.Kernel}");
        text.AppendLine($"- rtmpx: {machine.Rtmpx}");
        text.AppendLine($"- {machine.Dotnet}; {machine.Nginx} + libnginx-mod-rtmp (1 worker, chunk_size 4096); node {machine.Node}; node-media-server {machine.Nms}");
        text.AppendLine("- Media: ffmpeg testsrc2 1280x720 30 fps, libx264 veryfast, 2 s GOP (-g 60, no scene cut), no B-frames, AAC 128k 48 kHz; 2 Mbps (fan-out, latency, join) and 1 Mbps (ingest) variants, 20 s looped with continuous timestamps, paced in real time.");
        foreach (var (server, reason) in results.Unavailable)
        {
            text.AppendLine($"- {server}: not available ({reason})");
        }

        text.AppendLine();
        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine("| scenario | measure | rtmpx | nginx-rtmp | node-media-server | rtmpx / nginx | rtmpx / nms | target | met |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var scenario in scenarios)
        {
            foreach (var row in Targets(results, scenario))
            {
                text.AppendLine(row);
            }
        }

        text.AppendLine();
        text.AppendLine("## Medians per scenario");
        foreach (var scenario in scenarios)
        {
            text.AppendLine();
            text.AppendLine($"### {scenario.Name}");
            text.AppendLine();
            text.AppendLine("| server | CPU s | CPU s / GB | GB | peak RSS MiB | idle RSS MiB | KiB / client | disconnects | full rate | first keyframe p50 / p99 ms | latency p50 / p99 / max ms | load generator CPU s | GCs gen 0 / 1 / 2 | longest GC pause ms |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var server in new[] { Rtmpx, Nginx, Nms })
            {
                var runs = Runs(results, scenario, server);
                if (runs.Count == 0)
                {
                    text.AppendLine($"| {server} | not available | | | | | | | | | | | | |");
                    continue;
                }

                double M(Func<ScenarioResult, double> pick) => Percentiles.Median(runs.Select(pick));
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {server} | {M(r => r.CpuSeconds):0.00} | {M(r => r.CpuSecondsPerGB):0.00} | {M(r => r.Bytes / 1e9):0.00} | {M(r => r.PeakRssMiB):0.0} | {M(r => r.IdleRssMiB):0.0} | {M(r => r.RssPerClientKiB):0.0} | {M(r => r.Disconnects):0} | {M(r => r.FullRate):0}/{runs[0].Clients} | {F(M(r => r.FirstKeyframeP50Ms))} / {F(M(r => r.FirstKeyframeP99Ms))} | {F1(M(r => r.LatencyP50Ms))} / {F1(M(r => r.LatencyP99Ms))} / {F1(M(r => r.LatencyMaxMs))} | {M(r => r.LoadgenCpuSeconds):0.00} | {Gc(runs)} |"));
            }
        }

        var notes = results.Runs.Where(r => r.Note != null).Select(r => $"- {r.Scenario} / {r.Server}: {r.Note}").Distinct().ToList();
        notes.AddRange(results.Failures.Select(f => "- failed: " + f));
        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Notes from the runs");
            text.AppendLine();
            foreach (var note in notes.Take(30))
            {
                text.AppendLine(note);
            }
        }

        text.AppendLine();
        text.Append(Levers);
        return text.ToString();
    }

    // What the figures rest on and what limits the one target not reached; kept with the table so a
    // re-run keeps the explanation next to the numbers it explains.
    private const string Levers = @"## How the engine got here

Fan-out 1000, CPU s per delivered GB, measured with this benchmark after each step (one round, 10 s):

| step | rtmpx | nginx-rtmp |
|---|---:|---:|
| first engine: framed once, gathered writes, a writer task per player | 2.77 | 1.06 |
| sends from the publisher's thread, non-blocking, no thread-pool hop per player | 2.12 | 1.07 |
| audio rides with the next video frame (one send per video frame) | 1.57 | |
| on streams with 100+ players, one send per player per 200 ms of media | 0.59 | |

Memory at 1000 players: an idle player no longer holds a receive buffer (empty reads), handshake state
is dropped after the handshake, and the server GC (DATAS) keeps 46 KiB per player where the workstation
GC, sized to the CPU cache, kept 70 KiB. Allocation per media message on the hot path: 205 bytes
beyond the payload and the framed copy (tests/RtmpXProtect.Engine.Tests/Performance). Micro-benchmarks
of the decoder and encoder: docs/MICROBENCH.md.

Merged writes trade latency for CPU only where it pays: below 100 players every frame goes out at
once (the latency row), above it a player gets its frames every 200 ms (PlayerQueuePolicy), which
players with a second of buffer do not notice; SRS does the same by default (350 ms).

## Ingest: not reached, and why

200 publishers of 1 Mbps: 14.6 s/GB at first, 6.6-7.5 s/GB now against nginx-rtmp's 3.3-3.6. Each
publisher sends one message every 10-15 ms, so the cost is per received message, not per byte. Tried:
socket completions inline on the socket engine's thread instead of a thread-pool hop per message
(14.6 -> 7.5), publishers reading with a buffer instead of an empty read plus a second receive
(-> 6.6). What is left per message is .NET's epoll dispatch (HandleSocketEvents, 7 % of samples), the
async read state machine, the decoder's payload allocation and the GC that follows (page faults and
libcoreclr, about a fifth of the samples), against nginx's epoll loop in C. Next steps: pooled payload
buffers with reference counts across GOP cache, recorder and fan-out; a custom epoll loop for
publisher sockets.

## Latency: at parity, not 0.8 x

p99 at 50 players moves between runs on this shared 2-core machine: 1.4 ms against nginx-rtmp's 2.3
in the run of the engine before admission limits and the configuration file landed (10 s windows),
2.0 ms against 2.1 (nginx-rtmp) and 1.8 (node-media-server) in the table above (15 s windows). Each run
starts a fresh rtmpx, and its tier-1 JIT compiles on the same two cores during the first seconds of
the window (a 10 s window measured 2-3.7 ms, a 20 s one 1.6 ms). Below 100 players every frame is sent
the moment it arrives, from the publisher's read, so what is left is that warm-up and the scheduler.
Next steps: ReadyToRun for rtmpx, and fanning out on a second thread above a few dozen players.
";

    private static IEnumerable<string> Targets(BenchmarkResults results, Scenario scenario)
    {
        switch (scenario.Kind)
        {
            case ScenarioKind.FanOut:
            {
                var clean = Runs(results, scenario, Rtmpx) is { Count: > 0 } runs
                    && Percentiles.Median(runs.Select(r => (double)r.Disconnects)) == 0
                    && Percentiles.Median(runs.Select(r => (double)r.FullRate)) >= scenario.Players;
                if (scenario.Players < 1000)
                {
                    // The issue's targets are set at 1000 players; smaller runs are shown for the trend.
                    yield return Row(results, scenario, "CPU s / GB delivered", r => r.CpuSecondsPerGB, "none (targets are at 1000 players)", null, "0.00");
                    break;
                }

                yield return Row(results, scenario, "CPU s / GB delivered", r => r.CpuSecondsPerGB, "<= 0.6 x nginx, 0 disconnects, all at full rate", (x, n, _) => x <= 0.6 * n && clean, "0.00");
                {
                    yield return Row(results, scenario, "peak RSS MiB", r => r.PeakRssMiB, "<= 0.5 x nms", (x, _, s) => x <= 0.5 * s, "0.0");
                    yield return Row(results, scenario, "RSS KiB / player above idle", r => r.RssPerClientKiB, "<= 64 KiB", (x, _, _) => x <= 64, "0.0");
                }

                break;
            }

            case ScenarioKind.Ingest:
                yield return Row(results, scenario, "CPU s / GB received", r => r.CpuSecondsPerGB, "<= 0.8 x nginx", (x, n, _) => x <= 0.8 * n, "0.00");
                break;
            case ScenarioKind.Latency:
                yield return Row(results, scenario, "latency p99 ms", r => r.LatencyP99Ms, "<= 0.8 x the better peer", (x, n, s) => x <= 0.8 * Better(n, s), "0.0");
                yield return Row(results, scenario, "longest GC pause ms (runtime events)", r => r.Gc?.MaxPauseMs ?? double.NaN, "<= 1 ms", (x, _, _) => x <= 1.0, "0.00");
                break;
            case ScenarioKind.Join:
                yield return Row(results, scenario, "first keyframe p50 ms", r => r.FirstKeyframeP50Ms, "<= 0.5 x nms", (x, _, s) => x <= 0.5 * s, "0");
                break;
        }
    }

    // Medians across rounds, like every other figure; the pause is each round's longest.
    private static string Gc(IReadOnlyList<ScenarioResult> runs)
    {
        var gcs = runs.Select(r => r.Gc).OfType<GcSummary>().ToList();
        if (gcs.Count == 0)
        {
            return "- | -";
        }

        double M(Func<GcSummary, double> pick) => Percentiles.Median(gcs.Select(pick));
        return string.Create(CultureInfo.InvariantCulture, $"{M(g => g.Gen0):0} / {M(g => g.Gen1):0} / {M(g => g.Gen2):0} | {M(g => g.MaxPauseMs):0.00}");
    }

    private static double Better(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    private static string Row(BenchmarkResults results, Scenario scenario, string measure, Func<ScenarioResult, double> pick, string target, Func<double, double, double, bool>? met, string format)
    {
        var x = Percentiles.Median(Runs(results, scenario, Rtmpx).Select(pick));
        var n = Percentiles.Median(Runs(results, scenario, Nginx).Select(pick));
        var s = Percentiles.Median(Runs(results, scenario, Nms).Select(pick));
        string V(double v) => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
        string R(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b == 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
        var verdict = met == null ? "-" : double.IsNaN(x) ? "n/a" : met(x, n, s) ? "met" : "not met";
        if (verdict == "not met" && double.IsNaN(n) && double.IsNaN(s))
        {
            verdict = "n/a";
        }

        return $"| {scenario.Name} | {measure} | {V(x)} | {V(n)} | {V(s)} | {R(x, n)} | {R(x, s)} | {target} | {verdict} |";
    }

    private static List<ScenarioResult> Runs(BenchmarkResults results, Scenario scenario, string server) =>
        results.Runs.Where(r => r.Scenario == scenario.Name && r.Server == server).ToList();

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0", CultureInfo.InvariantCulture);

    private static string F1(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
