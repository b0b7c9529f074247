using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>
/// `rtmpx serve --config` running a configured stream in a real `rtmpx stream run` helper that
/// publishes an .flv to serve's own ingest: crash and restart, status and logs, parent death.
/// </summary>
public class CliHelperProcessTests
{
    private const string Key = "hushhush-4711";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task A_killed_helper_is_restarted_its_key_is_never_shown_and_it_dies_with_serve()
    {
        Assert.True(OperatingSystem.IsLinux(), "parent death and /proc are Linux");
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 10, bFrames: 0);
        var rtmpPort = FreePort.Get();
        File.WriteAllText(temp.File("cam.url"), $"rtmp://127.0.0.1:{rtmpPort}/live/out?key={Key}\n");
        File.WriteAllText(temp.File("rtmpx.json"), $$"""
            {
              "listeners": { "rtmp": { "listen": "127.0.0.1:{{rtmpPort}}" } },
              "api": { "listen": "127.0.0.1:0" },
              "streams": [ { "name": "cam", "source": "{{Path.GetFileName(flv)}}", "destinations": [ { "urlFile": "cam.url" } ] } ],
            }
            """);
        await using var serve = RtmpxCli.Start("serve", "--config", temp.File("rtmpx.json"));
        var api = await RtmpxCli.StatusApiAsync(serve, Step);
        var first = Pid(await serve.WaitForOutputAsync(l => l.Contains("Started helper for cam (pid"), Step));
        await serve.WaitForOutputAsync(l => l.Contains("Stream cam: Streaming"), Step);
        await serve.WaitForOutputAsync(l => l.Contains("publishes live/out"), Step);

        var cmdline = File.ReadAllText($"/proc/{first}/cmdline").Replace('\0', ' ');
        Assert.Contains("stream run cam --config", cmdline);
        Assert.DoesNotContain(Key, cmdline);
        Assert.DoesNotContain("rtmp://", cmdline);

        Assert.Equal(0, kill(first, 9));
        await serve.WaitForOutputAsync(l => l.Contains("Stream cam worker crashed (helper crashed (exit 137)); restart in"), Step);
        var second = Pid(await serve.WaitForOutputAsync(l => l.Contains("Started helper for cam (pid") && Pid(l) != first, Step));
        Assert.DoesNotContain(Key, File.ReadAllText($"/proc/{second}/cmdline"));

        using var http = new HttpClient();
        var status = await UntilAsync(http, $"{api}/api/relays/cam", s => s.GetProperty("state").GetString() == "Streaming" && s.GetProperty("processId").GetInt32() == second);
        Assert.Equal(1, status.GetProperty("restarts").GetInt32());
        Assert.Equal("worker crashed: helper crashed (exit 137)", status.GetProperty("lastError").GetString());
        var destination = status.GetProperty("destinations")[0];
        Assert.Equal($"rtmp://127.0.0.1:{rtmpPort}/live/****", destination.GetProperty("destination").GetString());
        Assert.Equal("Streaming", destination.GetProperty("state").GetString());

        // The engine's streamer in the helper: audio and video frames flow at a rate, the helper's own pid reported.
        var flowing = await UntilAsync(http, $"{api}/api/relays/cam", s => s.GetProperty("destinations")[0].GetProperty("framesSent").GetInt64() > 0 && s.GetProperty("bitrateKbps").GetInt64() > 0 && s.GetProperty("fps").GetInt64() > 0);
        Assert.Equal(second, flowing.GetProperty("processId").GetInt32());

        await using var list = RtmpxCli.Start("stream", "list", "--api", api);
        Assert.Equal(0, await list.WaitForExitAsync(Step));
        Assert.Contains("cam", list.StandardOutputTail());
        Assert.Contains("Streaming", list.StandardOutputTail());

        await using var one = RtmpxCli.Start("stream", "status", "cam", "--api", api);
        Assert.Equal(0, await one.WaitForExitAsync(Step));
        Assert.Contains($"Helper pid    {second}, 1 restarts", one.StandardOutputTail());

        await using var missing = RtmpxCli.Start("stream", "status", "nope", "--api", api);
        Assert.Equal(1, await missing.WaitForExitAsync(Step));

        await using var logs = RtmpxCli.Start("stream", "logs", "cam", "--tail", "40", "--api", api);
        Assert.Equal(0, await logs.WaitForExitAsync(Step));
        var lines = logs.StandardOutputTail().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d\.\d{3} WRN worker crashed \(helper crashed \(exit 137\)\); restart in \d+\.\d s$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^\d\d:\d\d:\d\d\.\d{{3}} INF Publishing to rtmp://127\.0\.0\.1:{rtmpPort}/live/\*\*\*\*$"));

        foreach (var output in new[] { serve.StandardOutputTail(), serve.StandardErrorTail(), list.StandardOutputTail(), one.StandardOutputTail(), logs.StandardOutputTail(), await http.GetStringAsync($"{api}/api/relays/cam/logs?tail=1000") })
        {
            Assert.DoesNotContain(Key, output);
        }

        // SIGKILL gives serve no chance to stop its helper: the helper must notice by itself.
        Assert.Equal(0, kill(serve.Id, 9));
        await serve.Exited.WaitAsync(Step);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (IsRunning(second))
        {
            Assert.True(DateTime.UtcNow < deadline, $"helper {second} outlived serve by 10 s");
            await Task.Delay(50);
        }
    }

    private static int Pid(string line) => int.Parse(Regex.Match(line, @"\(pid (\d+)\)").Groups[1].Value);

    // A zombie (Z) has ended; in a container nobody may reap it.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') == false;
        }
        catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException || e is IOException)
        {
            return false;
        }
    }

    // The helper reports every 500 ms: poll the API at that pace until it shows what is awaited.
    private static async Task<JsonElement> UntilAsync(HttpClient http, string url, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Step;
        while (true)
        {
            var element = JsonDocument.Parse(await http.GetStringAsync(url)).RootElement;
            if (done(element))
            {
                return element;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} never showed the awaited status; last: {element}");
            await Task.Delay(250);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
