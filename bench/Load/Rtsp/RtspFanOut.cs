using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Players;
using RtmpXProtect.Bench.Load.Publishing;
using RtmpXProtect.Bench.Load.Scenarios;
using RtmpXProtect.Bench.Load.Servers;

namespace RtmpXProtect.Bench.Load.Rtsp;

/// <summary>
/// RTSP fan-out: one 2 Mbps stream to N players over TCP interleaved, rtmpx (fed over RTMP by the
/// looping publisher) and gst-rtsp-server (serving the same file as one shared media) in the same
/// run, fresh processes per run. Figures: server CPU per delivered GB over the measured window, and
/// the time from a player's connect to its first video packet.
/// </summary>
internal static class RtspFanOut
{
    public const string Begin = "<!-- rtsp benchmark: written by bench/Load rtsp -->";
    public const string End = "<!-- end of rtsp benchmark -->";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public sealed record Run(string Server, int Players, double CpuSeconds, long Bytes, int Failed, double FirstFrameP50Ms, double FirstFrameP95Ms)
    {
        public double CpuSecondsPerGB => Bytes == 0 ? double.NaN : CpuSeconds / (Bytes / 1e9);
    }

    public static async Task<List<Run>> RunAsync(BenchPaths paths, RtmpxBinary rtmpx, int players, TimeSpan duration, int rounds)
    {
        // Long enough that gst-rtsp-server's file does not end inside a run (it does not loop).
        var file = await MediaCache.EnsureAsync(paths.Cache, 2000, seconds: 60);
        var media = MediaFile.Load(file);
        var script = Path.Combine(paths.Root, "tests", "RtmpXProtect.Interop.Tests", "Peers", "scripts", "gst-rtsp-server.py");
        var runs = new List<Run>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var server in round % 2 == 0 ? new[] { "rtmpx", "gst-rtsp-server" } : new[] { "gst-rtsp-server", "rtmpx" })
            {
                Console.Write($"round {round + 1}/{rounds}  rtsp fan-out {players,4}  {server,-16} ");
                var run = server == "rtmpx" ? await RtmpxAsync(rtmpx, media, players, duration) : await GstAsync(script, file, players, duration);
                Console.WriteLine($"cpu {run.CpuSeconds,6:0.00} s  {run.CpuSecondsPerGB,6:0.00} s/GB  first frame p50 {run.FirstFrameP50Ms,6:0} ms p95 {run.FirstFrameP95Ms,6:0} ms  failed {run.Failed}");
                runs.Add(run);
            }
        }

        return runs;
    }

    private static async Task<Run> RtmpxAsync(RtmpxBinary rtmpx, MediaFile media, int players, TimeSpan duration)
    {
        var rtsp = ServerProcess.FreePort();
        var rtmp = ServerProcess.FreePort();

        // Every player comes from 127.0.0.1 within a second: the per-address caps that protect a real
        // server would refuse them (gst-rtsp-server has none to lift), as in the RTMP scenarios.
        var directory = Path.Combine(Path.GetTempPath(), "rtmpx-bench-rtsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "rtmpx.json");
        File.WriteAllText(config, "{ \"limits\": { \"maxConnections\": 100000, \"maxConnectionsPerAddress\": 100000, \"newConnectionsPerSecondPerAddress\": 100000, \"maxUndecidedConnections\": 100000 }, \"api\": { \"listen\": null } }");
        await using var server = await ServerProcess.StartAsync("rtmpx", rtmpx.FileName, rtmpx.Arguments(
            "serve", "--config", config, "--listen", "127.0.0.1:" + rtmp, "--rtsp", "127.0.0.1:" + rtsp, "--log-level", "Warning"), rtmp, directory, () => Directory.Delete(directory, recursive: true));
        using var stop = new CancellationTokenSource();
        var publisher = new LoopingPublisher(media, new StreamTarget("127.0.0.1", rtmp, "live", "bench"));
        var publishing = publisher.RunAsync(stop.Token);
        await publisher.Publishing;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var run = await MeasureAsync("rtmpx", server.ProcessId, $"rtsp://127.0.0.1:{rtsp}/live/bench", players, duration);
        stop.Cancel();
        await publishing;
        return run;
    }

    private static async Task<Run> GstAsync(string script, string file, int players, TimeSpan duration)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--file", file, "--shared", "--port", "0" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("gst-rtsp-server did not start");
        try
        {
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) != null && !line.StartsWith("listening ", StringComparison.Ordinal))
            {
            }

            var port = int.Parse(line?.Substring("listening ".Length) ?? throw new InvalidOperationException("gst-rtsp-server: " + await process.StandardError.ReadToEndAsync()), CultureInfo.InvariantCulture);
            _ = DrainAsync(process.StandardOutput);
            return await MeasureAsync("gst-rtsp-server", process.Id, $"rtsp://127.0.0.1:{port}/test", players, duration);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() != null)
        {
        }
    }

    // Players join over a second; bytes and CPU count from the end of the warm-up for the duration.
    private static async Task<Run> MeasureAsync(string name, int pid, string url, int count, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        var players = Enumerable.Range(0, count).Select(_ => new RtspPlayer()).ToList();
        var running = new List<Task>();
        foreach (var player in players)
        {
            running.Add(player.RunAsync(url, stop.Token));
            await Task.Delay(TimeSpan.FromMilliseconds(1000.0 / count));
        }

        await Task.Delay(WarmUp);
        var cpuBefore = ProcessTree.CpuSeconds(pid);
        var bytesBefore = players.Sum(p => p.Bytes);
        await Task.Delay(duration);
        var cpu = ProcessTree.CpuSeconds(pid) - cpuBefore;
        var bytes = players.Sum(p => p.Bytes) - bytesBefore;
        stop.Cancel();
        await Task.WhenAll(running);
        var first = players.Where(p => p.FirstFrame != null).Select(p => p.FirstFrame!.Value.TotalMilliseconds).OrderBy(t => t).ToList();
        return new Run(name, count, cpu, bytes, players.Count(p => p.Failure != null || p.FirstFrame == null), Percentiles.Of(first, 50), Percentiles.Of(first, 95));
    }

    /// <summary>The section docs/PERFORMANCE.md carries, medians over the rounds, gst-rtsp-server as the peer.</summary>
    public static string Report(IReadOnlyList<Run> runs, int players, TimeSpan duration, int rounds, string command)
    {
        static double Median(IEnumerable<double> values) => Percentiles.Median(values);
        var text = new StringBuilder();
        text.Append(Begin).Append("\n\n## RTSP fan-out (bench/Load rtsp)\n\n");
        text.Append($"`{command}`: one 2 Mbps stream (1280x720 H.264 + AAC) to {players} players over RTSP/TCP interleaved, ");
        text.Append($"{duration.TotalSeconds:0} s measured after a 5 s warm-up, {rounds} rounds, medians. rtmpx is fed over RTMP by the looping publisher; ");
        text.Append("gst-rtsp-server serves the same file as one shared media. CPU is the server process's, per GB delivered to the players.\n\n");
        text.Append("| server | CPU s/GB | × gst-rtsp-server | first frame p50 | p95 | failed players |\n|---|---|---|---|---|---|\n");
        var peer = Median(runs.Where(r => r.Server == "gst-rtsp-server").Select(r => r.CpuSecondsPerGB));
        foreach (var server in new[] { "rtmpx", "gst-rtsp-server" })
        {
            var mine = runs.Where(r => r.Server == server).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var cpu = Median(mine.Select(r => r.CpuSecondsPerGB));
            text.Append(CultureInfo.InvariantCulture, $"| {server} | {cpu:0.00} | {cpu / peer:0.00} | {Median(mine.Select(r => r.FirstFrameP50Ms)):0} ms | {Median(mine.Select(r => r.FirstFrameP95Ms)):0} ms | {mine.Max(r => r.Failed)} |\n");
        }

        return text.Append('\n').Append(End).Append('\n').ToString();
    }

    /// <summary>Puts <paramref name="section"/> in place of the previous one, or at the end.</summary>
    public static string Splice(string document, string section)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        return begin >= 0 && end > begin
            ? document.Substring(0, begin) + section.TrimEnd('\n') + document.Substring(end + End.Length)
            : document.TrimEnd('\n') + "\n\n" + section;
    }
}
