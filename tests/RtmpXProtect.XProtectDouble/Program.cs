using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.XProtectDouble;

// dotnet RtmpXProtect.XProtectDouble.dll --user NAME --password-file FILE [--tls]
//     [--camera NAME=FILE.h264|FILE.h265 ...] [--repeat N] [--start UNIX_MS]
// Serves a site on loopback and writes one JSON line (managementServer, imageServer, cameras with
// their ids); runs until standard input closes. A camera's recording is its Annex B file (with
// presentation times in FILE.pts beside it, else 40 ms per picture), repeated N times (default 10).
var options = Arguments(args);
string Value(string key, string fallback) => options.TryGetValue(key, out var v) ? v[^1] : fallback;
var password = File.ReadAllText(Value("--password-file", string.Empty)).TrimEnd('\r', '\n');
long start = long.Parse(Value("--start", "1767225600000"));
int repeat = int.Parse(Value("--repeat", "10"));
await using var site = await XProtectDoubleServer.StartAsync(options.ContainsKey("--tls"), s =>
{
    s.Users.Add(new DoubleUser(Value("--user", "operator"), password));
    foreach (var camera in options.TryGetValue("--camera", out var cameras) ? cameras : new List<string>())
    {
        var (name, file) = (camera.Split('=')[0], camera.Split('=', 2)[1]);
        var codec = file.EndsWith(".h265", StringComparison.OrdinalIgnoreCase) ? VideoCodec.Hevc : VideoCodec.Avc;
        var stream = File.ReadAllBytes(file);
        var timesFile = Path.ChangeExtension(file, ".pts");
        var times = File.Exists(timesFile)
            ? File.ReadAllLines(timesFile).Where(l => l.Trim().Length > 0).Select(long.Parse).ToList()
            : Enumerable.Range(0, RtmpXProtect.Engine.Media.Nal.AccessUnitSplitter.Split(stream, codec).Count).Select(i => i * 40L).ToList();
        var once = Recordings.FromElementaryStream(stream, codec, times, start, Stamping.Arrival);
        long period = times.Max() + 40;
        s.Cameras.Add(new DoubleCamera(name, Recordings.Repeat(once, repeat, period)));
    }
});
Console.Out.WriteLine(JsonSerializer.Serialize(new
{
    managementServer = site.ManagementServer.ToString(),
    imageServer = site.ImageServerAddress.ToString(),
    cameras = site.Cameras.Select(c => new { name = c.Name, id = c.Id }),
}));
Console.Out.Flush();
while (await Console.In.ReadLineAsync() != null)
{
}

static Dictionary<string, List<string>> Arguments(string[] args)
{
    var options = new Dictionary<string, List<string>>();
    for (int i = 0; i < args.Length; i++)
    {
        var key = args[i];
        var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : string.Empty;
        if (!options.TryGetValue(key, out var list))
        {
            options[key] = list = new List<string>();
        }

        list.Add(value);
    }

    return options;
}
