using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load;
using RtmpXProtect.Bench.Load.Reporting;
using RtmpXProtect.Bench.Load.Scenarios;
using RtmpXProtect.Bench.Load.Servers;

// The load benchmark: rtmpx, nginx-rtmp and node-media-server side by side, measured from outside.
var rounds = new Option<int>("--rounds") { Description = "Rounds; every figure is the median across them.", DefaultValueFactory = _ => 3 };
var duration = new Option<int>("--duration") { Description = "Seconds measured per run (after warm-up).", DefaultValueFactory = _ => 20 };
var output = new Option<FileInfo?>("--out") { Description = "Write the markdown report here (e.g. docs/PERFORMANCE.md)." };
var only = new Option<string[]>("--servers") { Description = "Subset of servers: rtmpx, nginx, nms.", AllowMultipleArgumentsPerToken = true };
var players = new Option<int>("--players") { Description = "Players (fanout, latency, join)." };
var build = new Option<string>("--rtmpx") { Description = "Which rtmpx: native (the Linux package's NativeAOT build, published first) or jit.", DefaultValueFactory = _ => OperatingSystem.IsLinux() ? "native" : "jit" };
build.AcceptOnlyFromAmong("native", "jit");
var limit = new Option<string[]>("--rtmpx-limit") { Description = "KEY=VALUE for rtmpx.json's limits section (e.g. unwatchedReadDelayMilliseconds=0, maxGopCacheBytes=0), to measure a default against its alternative.", AllowMultipleArgumentsPerToken = true };
var publishers = new Option<int>("--publishers") { Description = "Publishers (ingest).", DefaultValueFactory = _ => 200 };

var root = new RootCommand("rtmpx load benchmark: fan-out, ingest, latency and join against rtmpx, nginx-rtmp and node-media-server.");
var connects = new Option<int>("--connects") { Description = "Player connections in all (soak).", DefaultValueFactory = _ => 10000 };
root.Subcommands.Add(Verb("all", "Fan-out 200 and 1000, ingest 200, latency 50, join 100 (scale and soak are verbs of their own: they saturate a 2-core machine or take half an hour).", _ => new[]
{
    // The GC pause target is over 60 s, so the report's one run judges it with a 60 s latency window.
    Scenario.FanOut(200), Scenario.FanOut(1000), Scenario.Ingest(200), Scenario.Latency(50) with { MinimumWindow = TimeSpan.FromSeconds(60) }, Scenario.Join(100),
}));
root.Subcommands.Add(Verb("scale", "Fan-out to 5000 players of a 500 kbps stream, and 1000 publishers (needs more than 2 cores to mean much).", _ => new[] { Scenario.FanOut(5000, 500), Scenario.Ingest(1000) }));
root.Subcommands.Add(Verb("soak", "--players players (100) joining and leaving one 2 Mbps stream for --duration seconds, --connects connections in all (10000); run with --duration 1800.", p => new[] { Scenario.Soak(Or(p.GetValue(players), 100), p.GetValue(connects)) }, players, connects));
root.Subcommands.Add(Verb("fanout", "One 2 Mbps publisher, --players players (200 by default).", p => new[] { Scenario.FanOut(Or(p.GetValue(players), 200)) }, players));
root.Subcommands.Add(Verb("ingest", "--publishers publishers of 1 Mbps.", p => new[] { Scenario.Ingest(p.GetValue(publishers)) }, publishers));
root.Subcommands.Add(Verb("latency", "One publisher, --players players (50), publish-to-play latency.", p => new[] { Scenario.Latency(Or(p.GetValue(players), 50)) }, players));
root.Subcommands.Add(Verb("join", "--players players (100) joining mid-GOP, time to first keyframe.", p => new[] { Scenario.Join(Or(p.GetValue(players), 100)) }, players));
var rtsp = new Command("rtsp", "RTSP fan-out: one 2 Mbps stream to --players players (200) over RTSP/TCP, rtmpx beside gst-rtsp-server.") { rounds, duration, output, players, build };
rtsp.SetAction(async (parse, cancel) =>
{
    var paths = BenchPaths.Locate();
    var count = Or(parse.GetValue(players), 200);
    var seconds = TimeSpan.FromSeconds(parse.GetValue(duration));
    var rtmpx = await Rtmpx(paths, parse.GetValue(build)!) ?? throw new InvalidOperationException("rtmpx is not built (dotnet build -c Release src/Cli)");
    var runs = await RtmpXProtect.Bench.Load.Rtsp.RtspFanOut.RunAsync(paths, rtmpx, count, seconds, parse.GetValue(rounds));
    var report = RtmpXProtect.Bench.Load.Rtsp.RtspFanOut.Report(runs, count, seconds, parse.GetValue(rounds), "dotnet run -c Release --project bench/Load -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
    Console.WriteLine();
    Console.WriteLine(report);
    if (parse.GetValue(output) is { } file)
    {
        var path = Path.IsPathRooted(file.ToString()) ? file.FullName : Path.Combine(paths.Root, file.ToString());
        File.WriteAllText(path, RtmpXProtect.Bench.Load.Rtsp.RtspFanOut.Splice(File.Exists(path) ? File.ReadAllText(path) : string.Empty, report));
        Console.WriteLine("written to " + path);
    }

    return runs.Count > 0 ? 0 : 1;
});
root.Subcommands.Add(rtsp);
return await root.Parse(args).InvokeAsync();

Command Verb(string name, string description, Func<ParseResult, Scenario[]> scenarios, params Option[] extra)
{
    var command = new Command(name, description) { rounds, duration, output, only, build, limit };
    foreach (var option in extra)
    {
        command.Options.Add(option);
    }

    command.SetAction(async (parse, cancel) =>
    {
        var paths = BenchPaths.Locate();
        var kinds = SelectServers(parse.GetValue(only));
        var settings = new RunSettings { Duration = TimeSpan.FromSeconds(parse.GetValue(duration)) };
        var list = scenarios(parse);
        var count = parse.GetValue(rounds);
        var rtmpx = kinds.Contains(ServerKind.Rtmpx) ? await Rtmpx(paths, parse.GetValue(build)!) : null;
        var results = await new Benchmark(paths, rtmpx, Limits(parse.GetValue(limit))).RunAsync(list, kinds, count, settings);
        var command = "dotnet run -c Release --project bench/Load -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var report = MarkdownReport.Write(results, list, MachineInfo.Collect(Path.Combine(paths.NmsDirectory, "node_modules", "node-media-server", "package.json"), rtmpx?.Description), command, count, settings);
        Console.WriteLine();
        Console.WriteLine(report);
        if (parse.GetValue(output) is { } file)
        {
            var path = Path.IsPathRooted(file.ToString()) ? file.FullName : Path.Combine(paths.Root, file.ToString());
            File.WriteAllText(path, report + ExportSectionOf(path));
            Console.WriteLine("written to " + path);
        }

        return results.Runs.Count > 0 ? 0 : 1;
    });
    return command;
}

static async Task<RtmpxBinary?> Rtmpx(BenchPaths paths, string build) =>
    build == "native" ? await RtmpxBinary.PublishNativeAsync(paths) : RtmpxBinary.Jit(paths);

static IReadOnlyDictionary<string, long> Limits(string[]? pairs) =>
    (pairs ?? Array.Empty<string>()).Select(p => p.Split('=', 2)).ToDictionary(
        p => p[0],
        p => p.Length == 2 && long.TryParse(p[1], out var v) ? v : throw new ArgumentException($"--rtmpx-limit takes KEY=NUMBER, not '{string.Join('=', p)}'."));

static int Or(int value, int fallback) => value > 0 ? value : fallback;

// bench/Export writes its own section into the same file; a load report keeps it.
static string ExportSectionOf(string path)
{
    const string begin = "<!-- export benchmark: written by bench/Export -->";
    var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    int at = text.IndexOf(begin, StringComparison.Ordinal);
    return at < 0 ? string.Empty : "\n" + text.Substring(at);
}

static IReadOnlyList<ServerKind> SelectServers(string[]? names)
{
    if (names == null || names.Length == 0)
    {
        return new[] { ServerKind.Rtmpx, ServerKind.Nginx, ServerKind.Nms };
    }

    return names.Select(n => n.ToLowerInvariant() switch
    {
        "rtmpx" => ServerKind.Rtmpx,
        "nginx" or "nginx-rtmp" => ServerKind.Nginx,
        "nms" or "node-media-server" => ServerKind.Nms,
        _ => throw new ArgumentException($"Unknown server '{n}': use rtmpx, nginx or nms."),
    }).ToList();
}
