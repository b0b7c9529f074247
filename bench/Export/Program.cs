using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Export;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Tests.Shared;
using RtmpXProtect.XProtectDouble;

// The export benchmark: rtmpx xprotect export next to the seed's method, in the same run, against
// the XProtect protocol double on loopback (which serves both alike).
var rounds = new Option<int>("--rounds") { Description = "Rounds; figures are medians.", DefaultValueFactory = _ => 3 };
var minutes = new Option<int[]>("--minutes") { Description = "Recording lengths exported, in minutes.", DefaultValueFactory = _ => new[] { 10, 60 }, AllowMultipleArgumentsPerToken = true };
var output = new Option<FileInfo?>("--out") { Description = "Put the report into this markdown file, between its export markers (e.g. docs/PERFORMANCE.md)." };
var root = new RootCommand("rtmpx export benchmark: throughput and memory of rtmpx xprotect export and of Annex B piped into ffmpeg -f h264 -c copy.") { rounds, minutes, output };
root.SetAction(async parse =>
{
    var repository = Repository();
    // What a Linux server runs: the linux-x64 package (NativeAOT), built as build.ps1 -Task Package does.
    var rtmpx = Path.Combine(RtmpxPackages.Folder("linux-x64"), "rtmpx");
    var work = Directory.CreateTempSubdirectory("rtmpx-export-bench-").FullName;
    var passwordFile = Path.Combine(work, "password");
    File.WriteAllText(passwordFile, "bench-pw");
    var minute = Media.Minute(Path.Combine(repository, "bench", ".cache"));
    var rows = new List<string>();
    foreach (var length in parse.GetValue(minutes)!)
    {
        var recording = Recordings.Repeat(minute, length, Media.Seconds * 1000L);
        await using var site = await XProtectDoubleServer.StartAsync(false, s =>
        {
            s.Users.Add(new DoubleUser("operator", "bench-pw"));
            s.Cameras.Add(new DoubleCamera("Lobby", recording));
        });
        var server = new XProtectServerOptions { ManagementServer = site.ManagementServer, User = "operator", Password = "bench-pw" };
        long from = Media.Start, to = Media.Start + (length * 60_000L);
        var runs = new List<ExportRun>();
        for (int round = 0; round < parse.GetValue(rounds); round++)
        {
            runs.Add(await Methods.RtmpxAsync(rtmpx, site.ManagementServer, passwordFile, from, to, Path.Combine(work, $"rtmpx-{length}-{round}.mp4")));
            runs.Add(await Methods.SeedAsync(server, site.Cameras[0].Id, from, to, Path.Combine(work, $"seed-{length}-{round}.mp4")));
            Console.Error.WriteLine($"{length} min, round {round + 1}: " + string.Join("; ", runs.TakeLast(2).Select(r => $"{r.Method} {r.WallSeconds:0.00} s {r.PeakBytes / 1048576.0:0.0} MiB")));
        }

        foreach (var method in runs.Select(r => r.Method).Distinct())
        {
            var mine = runs.Where(r => r.Method == method).ToList();
            var wall = Median(mine.Select(r => r.WallSeconds));
            var peak = Median(mine.Select(r => r.PeakBytes / 1048576.0));
            var fidelity = Fidelity.Of(mine[^1].File, recording, to);
            rows.Add(string.Format(CultureInfo.InvariantCulture, "| {0} min | {1} | {2:0.00} | {3:0} | {4:0.0} | {5:0.0} | {6} of {7} | {8} |",
                length, method, wall, length * 60 / wall, Median(mine.Select(r => r.MegabytesPerSecond)), peak, fidelity.Frames, recording.TakeWhile(p => p.PresentationTime < to).Count(),
                fidelity.WorstMs == long.MaxValue ? "-" : fidelity.WorstMs.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var run in runs)
        {
            File.Delete(run.File);
        }
    }

    Directory.Delete(work, recursive: true);
    var report = Report(rows, parse.GetValue(rounds), string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
    Console.WriteLine(report);
    if (parse.GetValue(output) is FileInfo file)
    {
        var path = Path.IsPathRooted(file.ToString()) ? file.FullName : Path.Combine(repository, file.ToString());
        File.WriteAllText(path, Splice(File.Exists(path) ? File.ReadAllText(path) : string.Empty, report));
        Console.WriteLine("written to " + path);
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Report(List<string> rows, int rounds, string arguments)
{
    var text = new StringBuilder();
    text.AppendLine(ExportSection.Begin);
    text.AppendLine("## Export from XProtect (bench/Export)");
    text.AppendLine();
    text.AppendLine("`rtmpx xprotect export` (the linux-x64 package, compiled ahead of time) next to the seed's method (XProtect Video Export: the pictures' Annex B piped into `ffmpeg -f h264 -i pipe:0 -c copy`), in the same run, both reading the same recording from the XProtect protocol double over loopback with 5 requests in flight, one GOP per reply. Camera: ffmpeg testsrc2 1280x720 30 fps, libx264 veryfast 2 Mbps, B-frames, 2 s GOP, stamped with arrival times as real recorders may. Wall time from process start (rtmpx: start, login, export; seed: login, playback, ffmpeg) to the file complete; peak memory is the kernel's high-water mark (VmHWM) of the process writing the file (rtmpx; ffmpeg for the seed, whose Python is not counted). Time error: the worst difference between a frame's time in the file (ffprobe) and its recorded presentation time.");
    text.AppendLine();
    text.AppendLine($"Medians of {rounds} rounds. Reproduce: `dotnet run -c Release --project bench/Export -- {arguments}`");
    text.AppendLine();
    text.AppendLine("| recording | method | wall s | × real time | MB/s | peak MiB | frames in file | time error ms |");
    text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        text.AppendLine(row);
    }

    text.AppendLine();
    text.AppendLine("Targets: >= 200× real time for a 2 Mbps camera and under 64 MiB whatever the length.");
    text.AppendLine(ExportSection.End);
    return text.ToString();
}

static string Splice(string document, string section)
{
    int begin = document.IndexOf(ExportSection.Begin, StringComparison.Ordinal);
    int end = document.IndexOf(ExportSection.End, StringComparison.Ordinal);
    return begin >= 0 && end > begin
        ? document.Substring(0, begin) + section.TrimEnd('\n') + document.Substring(end + ExportSection.End.Length)
        : document.TrimEnd('\n') + "\n\n" + section;
}

static string Repository()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory != null && !File.Exists(Path.Combine(directory.FullName, "RtmpXProtect.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

internal static class ExportSection
{
    public const string Begin = "<!-- export benchmark: written by bench/Export -->";
    public const string End = "<!-- end of export benchmark -->";
}
