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
        var longer = string.Concat(scenarios.Where(s => s.Window(settings) != settings.Duration).Select(s => $" ({s.Name}: {s.Window(settings).TotalSeconds:0} s)"));
        text.AppendLine($"Every figure is the median of {rounds} round(s); each run gets a fresh server; window {settings.Duration.TotalSeconds:0} s{longer} after {settings.Warmup.TotalSeconds:0} s warm-up.");
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
            text.AppendLine("| server | CPU s | CPU s / GB | GB | peak RSS MiB | idle RSS MiB | KiB / client | disconnects | full rate | first keyframe p50 / p99 ms | latency p50 / p99 / max ms | load generator CPU s | GCs gen 0 / 1 / 2 | longest GC pause ms (longest of gen 0 / 1) |");
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

Issue 14, each step measured side by side with nginx-rtmp (one round, 10 s):

| step | measure | before | after | nginx-rtmp |
|---|---|---:|---:|---:|
| the benchmark runs the NativeAOT rtmpx the Linux package ships (no JIT in the window) | idle RSS MiB | 47.9 | 28.2 | 8.2 |
| GOP cache copies payloads into shared 16 KiB slabs, given back at each keyframe | ingest 200: gen2 GCs in 10 s / longest pause ms | 7 / 47.6 | 0 / 7.0 | |
| the same | ingest 200: peak RSS MiB | 159-175 | 124 | 17.4 |
| merged writes by bytes (16 KiB, at most 100 ms) instead of a fixed 200 ms | fan-out 1000: latency p99 ms | 178 | 82.5 | 106 |
| the same | fan-out 1000: CPU s / GB | 0.51 (0.45 x) | 1.27 (0.64 x) | 1.99 |
| publishers nothing live takes are read in ~100 ms batches (3 rounds, 15 s; before = `--rtmpx-limit unwatchedReadDelayMilliseconds=0`) | ingest 200: CPU s / GB | 10.38 (1.56 x) | 5.40 (0.74 x) | 6.64 / 7.33 |
| for comparison only: the GOP cache off (`--rtmpx-limit maxGopCacheBytes=0`, 2 rounds) | ingest 200: RSS KiB / publisher | 534 | 196 | 47 |
| publishers' payloads rented from the shared array pool and given back once nothing kept the frame (rtmpx alone, 1 round, 15 s) | ingest 200: GCs gen 0 / 1 / 2 | 5 / 23 / 0 | 0 / 2 / 1 | |
| the same | ingest 200: RSS KiB / publisher, GOP cache on / off | 557 / - | 557 / 164 | |
| generation 0 budget 2 MiB (GCgen0size in the native build) instead of the L3-sized default (rtmpx alone, 1 round) | ingest 200: RSS KiB / publisher, GOP cache on / off | 557 / 164 | 419 / 101 | |
| the same | fan-out 1000 (beside nginx-rtmp): peak RSS MiB / CPU x nginx-rtmp | 63.5 / 0.68 | 55.2 / 0.68 | 24.4 |
| the same | latency 50, 60 s: GCs gen 0 / 1 / 2, longest pause ms, peak RSS MiB | 2 / 1 / 0, 4.90, 55.4 | 19 / 0 / 1, 2.67, 41.1 | |
| serve holds a 5 MiB array it never writes, so the runtime may collect generation 2 in the background (below 4 MiB in each of gen2, LOH and POH it blocks every full collection) | latency 50, 60 s: the one gen2's pause ms | 3.13 (blocking) | 0.44 + 0.23 (background) | |
| players' chunks in one pooled buffer their queues share, and the payloads of streams only players watch reused | bytes allocated per message to two players (HotPathAllocationTests) | 7423 | 207 | |
| the same | latency 50, 60 s: GCs gen 0 / 1 / 2 | 19-20 / 0 / 1 | 0-1 / 0-1 / 0 | |
| media arrays (payloads, chunks, read buffers, GOP slabs) from one pool on the pinned heap, which no collection moves (rtmpx alone, 1 round) | latency 50, 60 s: GCs gen 0 / 1 / 2, longest pause ms | 0 / 1 / 0, 4.04 (the gen1 promoting 1.9 MB of pooled arrays) | 0 / 0 / 1, 0.68 (start-up's background gen2) | |
| the full collection the heap floor sets off had at start-up, in the background (before: the last page's run; after: rtmpx alone, 3 rounds) | latency 50, 60 s: GCs gen 0 / 1 / 2, longest pause ms | 0 / 0 / 1, 0.75-3.58 | 1 / 0 / 0, 1.24-1.77 (a gen0 is left in the window) | |
| socket reads as value tasks over one reused SocketAsyncEventArgs, the sweep without a copy of the connections | bytes allocated per read that waits (SocketReceiverTests) | 80 | 0 | |
| the same (rtmpx alone, 3 rounds) | latency 50, 60 s: GCs gen 0 / 1 / 2, longest pause ms; idle RSS MiB | 1 / 0 / 0, 1.24-1.77; 31.3 | 0 / 0 / 0, none; 31.4 | |

Memory: an idle player holds no receive buffer (empty reads), handshake state is dropped after the
handshake. Cached GOPs live in pooled slabs, so the GOP that dies at each keyframe is no garbage
(before, every GOP outlived two collections and died in generation 2). The slabs were out for a day:
a GStreamer rtspsrc test failed with them in CI, and the server's log then showed rtspsrc losing its
own PAUSE at its end of stream (CSeq 6 never sent, TEARDOWN CSeq 7 answered), a client race the
test now tells apart. The GC's pauses come from the runtime's own events (EventPipe, which the
NativeAOT build keeps for dotnet-counters).

Merged writes trade latency for CPU only where it pays: below 100 players every frame goes out at
once (the latency row); above it a player's frames gather until 16 KiB wait or 100 ms of media
passed (PlayerQueuePolicy), about 65 ms at 2 Mbps and a keyframe at once.

Ingest reads less often where nobody waits for the bytes. nginx-rtmp's profile under 200 publishers
(perf, 12 s) is 70 % kernel, recv 50 % and epoll_wait 16 %: the cost is per read, and only fewer,
larger reads make it cheaper. So a publish that nothing live takes (no player, relay or XProtect
feed; a recorder does not count) sets its socket's SO_RCVLOWAT to about 100 ms of its stream
(ReceiveBatching: 2 to 16 KiB in half steps, from the stream's bitrate, checked four times a second),
and the kernel wakes rtmpx when that much is there instead of once a message. A joining player puts
it back before it is told its play started, and so does a publisher quiet for a sweep (250 ms), so a
last command never waits for bytes that will not come; both are tested on real sockets. Reads are
also sized from what arrived (4 to 64 KiB), so a keyframe comes in two reads rather than twenty.
Windows refuses SO_RCVLOWAT (WSAEINVAL), so there reads stay per message; the setting is
limits.unwatchedReadDelayMilliseconds (0 turns it off).

## What is not reached, and why

Ingest, memory: a GOP cache holds a GOP per stream, 250-300 KiB at 1 Mbps with a 2 s GOP, and the
benchmark's publishers start together, so their keyframes, and their GOPs, peak together. nginx-rtmp
keeps no GOP (its players wait up to a GOP for the first keyframe; see join 100), so 128 KiB per
publisher is below what instant start costs at this bitrate: at 1.15 Mbps of audio and video a
2 s GOP is 287 KB, 55 MiB for the 200 streams before any buffer. With the cache off (measured for
comparison, above) rtmpx held 196 KiB per publisher, 164 once the payloads were pooled and 101
with the 2 MiB generation 0; with the cache on, this page's run measured 406. Pooling
took the garbage away (3753 bytes allocated a message before, 128 after, in
HotPathAllocationTests; 28 collections in the window before, 3 after) but not the RSS: the heap's
size was the GOPs, not the garbage. dotnet-counters on a running ingest 200 shows 76 MB in
generation 2 (the slabs, 6 MB of it fragmentation) and 105 MB committed.

Fan-out CPU: 0.83 x nginx-rtmp's in this page's run (0.88, 0.76 and 0.77 by round: rtmpx 0.43-0.51
CPU s per GB, nginx-rtmp 0.56-0.63), where the previous pages measured 0.69 x, 0.76 x and 0.67 x:
rtmpx's own figure fell (0.50 to 0.48 CPU s per GB), nginx-rtmp's fell more this day (0.73 to
0.58); on this shared machine the ratio moves by a tenth from one day to the next. Gathering 16 KiB is a send per player every two or three frames; the 200 ms window was one
every six, at twice the latency. Latency p99 at 1000 players was the target chosen. perf
over 12 s at 1000 players puts 71 % of rtmpx's samples in the kernel (copying into the sockets
13 %, waking the players' readers 13 %) and 25 % in rtmpx itself, the largest part PlayerSink.OnFrame
(9 %: each frame's queue decision for each of a thousand players). Tried: 20 KiB instead of 16 (fan-out 1000, 3 rounds beside nginx-rtmp): 1.20 CPU s per GB
(0.53 x), and latency p99 143 ms against nginx-rtmp's 107 in two rounds of three, so 16 KiB stays.

Latency at 50 players: every frame goes out the moment it arrives, and p99 follows the machine more
than the server. Met in this page's run: rtmpx's three rounds gave 0.9, 0.9 and 0.9 ms against
nginx-rtmp's 1.6, 1.3 and 1.2 (0.56, 0.69 and 0.75 x the better peer; node-media-server 1.5-1.9).
The pages before measured 0.68 x, 0.87 x and 0.84 x, a busier day rtmpx 5.8, 4.3 and 3.6 ms against
4.7, 4.3 and 7.4, and the engine before this issue 0.7-1.2 x nginx-rtmp's: the scheduler of a
2-core machine that the load generator's 50 players share with the server decides much of it.

GC pauses at 50 players: met; this page's run (60 s windows, 3 rounds) measured no collection at all in any of the three.
Traced collection by collection (the runtime's GC events with each collection's condemn reasons
and promoted bytes), the server went from a gen0 every 3 s and one blocking gen2 of 2.6-3.8 ms to
no collection in a minute, in five steps: a 5 MiB array held and never written, so the runtime
may run gen2 in the background (it blocks while gen2, LOH and POH are each under 4 MiB:
`bgc_min_per_heap`, `gen_gen2_too_small` in gc.cpp); the players' chunks in pooled buffers they
share (7423 bytes a message to two players, then 207); the media arrays on the pinned heap, where
no collection copies them (the gen1 that promoted 1.9 MB of them paused 4-5 ms); the full
collection that the 5 MiB array's own bytes set off moved to start-up, in the background while the
heap holds a few objects, where it came 20-40 s after the players before (0.6-3.6 ms; it costs
0.7 MiB of idle RSS: 30.7 without it, 31.9 with a blocking one); and reads without a task each and
the sweep without a copy, which were most of the garbage left (sampled with dotnet-trace's
allocation events), so that the gen0 left in the window went too. Tried and left out: one collection when the server is ready (idle RSS 32.7 MiB,
past the target); a gen0 budget capped at 2 MiB (GCGen0MaxBudget), sustained low latency mode and
a 4 MiB gen0: no change. Join 100, whose players all connect inside the window, still collects
once there (1.37-3.14 ms): its connections' objects are young when the collection comes.

## Scale and soak (their own verbs: they saturate this machine or take half an hour)

Scale (`scale --servers rtmpx nginx nms --rounds 1 --duration 15`, all three servers in one run,
with the pooled payloads and the 2 MiB generation 0): 5000 players of a 500 kbps stream all stayed
at full rate on rtmpx with no disconnects, at 1.08 CPU s per delivered GB, 0.57 x nginx-rtmp's
1.90 (which kept all 5000 this time; 255 disconnects in an earlier run) and 0.29 x
node-media-server's 3.72 (none of its players at full rate, latency p99 21 s). Peak RSS 85.4 MiB
against nginx-rtmp's 87.6, latency p99 289 ms against 365, first keyframe p50 18 ms against 1109;
the load generator used 0.70 of rtmpx's CPU. The longest GC pause was 8.7 ms in 4 gen0
collections, before the players' chunks were pooled.

1000 publishers of 1 Mbps (the same run): rtmpx 1.25 CPU s per received GB, 0.63 x nginx-rtmp's
1.99 and 0.16 x node-media-server's 8.01, all 1000 at full rate on all three. Before the pooled
payloads and batched reads it was 1.35 x (4.19 against 3.10). RSS was 364 KiB per publisher above
idle (nginx-rtmp 46, node-media-server 797), the GOPs as at 200; 20 gen0 and 4 gen1 collections,
no gen2, the longest pause 12.2 ms (before: 603 KiB, 7 gen2 collections, 193 ms). The load
generator needs 9 CPU s of the window's 30, so one round is indicative.

Soak (`soak --servers rtmpx --rounds 1 --duration 1800`, 100 players joining and leaving one 2 Mbps
stream, with the pooled payloads and the 2 MiB generation 0): 10 088 connects in 30 minutes, no
disconnects, every player at full rate, RSS at the end 1.012 x its value after the 3-minute warm-up
(target <= 1.05), peak 55.0 MiB (64.2 before); 565 gen0, 597 gen1 and 91 gen2 collections (a
player's connection lives long enough to be promoted, then leaves), the longest pause 4.6 ms (15
before).

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
                    // The targets are set at 1000 players; smaller runs are shown for the trend.
                    yield return Row(results, scenario, "CPU s / GB delivered", r => r.CpuSecondsPerGB, "none (targets are at 1000 players)", null, "0.00");
                    break;
                }

                if (scenario.Players > 1000)
                {
                    yield return Row(results, scenario, "CPU s / GB delivered", r => r.CpuSecondsPerGB, "0 disconnects, all at full rate", (_, _, _) => clean, "0.00");
                    yield return Row(results, scenario, "load generator CPU / server CPU", r => r.LoadgenCpuSeconds / r.CpuSeconds, "< 1 (the generator is not the limit)", (x, _, _) => x < 1, "0.00");
                    break;
                }

                yield return Row(results, scenario, "CPU s / GB delivered", r => r.CpuSecondsPerGB, "<= 0.5 x nginx, 0 disconnects, all at full rate", (x, n, _) => x <= 0.5 * n && clean, "0.00");
                yield return Row(results, scenario, "latency p99 ms", r => r.LatencyP99Ms, "<= nginx", (x, n, _) => x <= n, "0.0");
                yield return Row(results, scenario, "peak RSS MiB", r => r.PeakRssMiB, "<= 2 x nginx + 32 MiB", (x, n, _) => x <= (2 * n) + 32, "0.0");
                yield return Row(results, scenario, "idle RSS MiB", r => r.IdleRssMiB, "<= 32 MiB", (x, _, _) => x <= 32, "0.0", peerless: true);
                break;
            }

            case ScenarioKind.Ingest when scenario.Publishers == 200:
                yield return Row(results, scenario, "CPU s / GB received", r => r.CpuSecondsPerGB, "<= 0.8 x nginx", (x, n, _) => x <= 0.8 * n, "0.00");
                yield return Row(results, scenario, "RSS KiB / publisher above idle", r => r.RssPerClientKiB, "<= 128 KiB", (x, _, _) => x <= 128, "0.0", peerless: true);
                break;
            case ScenarioKind.Ingest:
                yield return Row(results, scenario, "CPU s / GB received", r => r.CpuSecondsPerGB, "0 disconnects", (_, _, _) => Runs(results, scenario, Rtmpx).All(r => r.Disconnects == 0), "0.00");
                break;
            case ScenarioKind.Soak:
                yield return Row(results, scenario, "RSS at end / after warm-up", r => r.RssDrift, "<= 1.05", (x, _, _) => x <= 1.05, "0.000", peerless: true);
                break;
            case ScenarioKind.Latency:
                yield return Row(results, scenario, "latency p99 ms", r => r.LatencyP99Ms, "<= 0.8 x the better peer", (x, n, s) => x <= 0.8 * Better(n, s), "0.0");
                // The target is over 60 s: a shorter window may hold no collection at all, and says nothing.
                // The window is measured, and a 60 s delay can end a millisecond early.
                var judged = Runs(results, scenario, Rtmpx).Select(r => r.WindowSeconds).DefaultIfEmpty(0).Min() >= 59.9;
                yield return Row(
                    results, scenario, "longest GC pause ms (runtime events)", r => r.Gc?.MaxPauseMs ?? double.NaN,
                    judged ? "<= 1 ms in 60 s" : "<= 1 ms in 60 s: judged by `latency --duration 60` (below)",
                    judged ? (x, _, _) => x <= 1.0 : null, "0.00", peerless: true);
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
        return string.Create(CultureInfo.InvariantCulture, $"{M(g => g.Gen0):0} / {M(g => g.Gen1):0} / {M(g => g.Gen2):0} | {M(g => g.MaxPauseMs):0.00} ({M(g => g.MaxYoungPauseMs):0.00})");
    }

    private static double Better(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    // peerless: the target names no peer (an absolute bound), so it is judged in a run without them.
    private static string Row(BenchmarkResults results, Scenario scenario, string measure, Func<ScenarioResult, double> pick, string target, Func<double, double, double, bool>? met, string format, bool peerless = false)
    {
        var x = Percentiles.Median(Runs(results, scenario, Rtmpx).Select(pick));
        var n = Percentiles.Median(Runs(results, scenario, Nginx).Select(pick));
        var s = Percentiles.Median(Runs(results, scenario, Nms).Select(pick));
        string V(double v) => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
        string R(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b == 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
        var verdict = met == null ? "-" : double.IsNaN(x) ? "n/a" : met(x, n, s) ? "met" : "not met";
        if (verdict == "not met" && !peerless && double.IsNaN(n) && double.IsNaN(s))
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
