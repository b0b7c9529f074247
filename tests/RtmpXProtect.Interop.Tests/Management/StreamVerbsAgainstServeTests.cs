using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Management;

/// <summary>
/// `rtmpx stream add` and `start` against a running `rtmpx serve --config`: the serve reloads the
/// file and streams an .flv into its own ingest path, which its status API then shows published.
/// </summary>
public class StreamVerbsAgainstServeTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task A_running_serve_picks_up_stream_add_and_start()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 3, bFrames: 0);
        var config = temp.File("rtmpx.json");
        File.WriteAllText(config, $$"""
            {
              "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
              "api": { "listen": "127.0.0.1:0" },
              "streams": [],
            }
            """);
        await using var serve = RtmpxCli.Start("serve", "--config", config);
        var rtmpPort = await RtmpxCli.ListeningPortAsync(serve, Step);
        var apiAddress = await RtmpxCli.StatusApiAsync(serve, Step);

        File.WriteAllText(temp.File("out.url"), $"rtmp://127.0.0.1:{rtmpPort}/live/out?key=SECRETKEY\n");
        await using (var add = RtmpxCli.Start("stream", "add", "loop", "--source", flv, "--to-file", temp.File("out.url"), "--disabled", "--config", config))
        {
            Assert.Equal(0, await add.WaitForExitAsync(Step));
            Assert.DoesNotContain("SECRETKEY", add.StandardOutputTail() + add.StandardErrorTail(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("SECRETKEY", File.ReadAllText(config), StringComparison.Ordinal);
        await serve.WaitForOutputAsync(l => l.Contains("Reloaded rtmpx.json"), Step);
        Assert.False(new StreamStore(config).Find("loop")!.Enabled);

        await using (var start = RtmpxCli.Start("stream", "start", "loop", "--config", config))
        {
            Assert.Equal(0, await start.WaitForExitAsync(Step));
        }

        await serve.WaitForOutputAsync(l => l.Contains("Started helper for loop"), Step);
        await serve.WaitForOutputAsync(l => l.Contains("publishes live/out"), Step);
        using (var http = new HttpClient())
        {
            var status = JsonDocument.Parse(await http.GetStringAsync($"{apiAddress}/api/status")).RootElement;
            Assert.Contains(status.GetProperty("streams").EnumerateArray(), s => s.GetProperty("path").GetString() == "live/out" && s.GetProperty("isPublished").GetBoolean());
        }

        using (var api = new StatusApiClient(new Uri(apiAddress)))
        {
            var loop = await api.GetStreamAsync("loop", default);
            Assert.NotNull(loop);
            Assert.Null(await api.GetStreamAsync("nope", default));
            Assert.NotNull(await api.GetStreamLogAsync("loop", 50, null, default));
        }

        await using (var stop = RtmpxCli.Start("stream", "stop", "loop", "--config", config))
        {
            Assert.Equal(0, await stop.WaitForExitAsync(Step));
        }

        await serve.WaitForOutputAsync(l => l.Contains("Stopped helper for loop"), Step);
        RtmpxCli.Terminate(serve);
        Assert.Equal(0, await serve.WaitForExitAsync(Step));
        Assert.DoesNotContain("SECRETKEY", serve.StandardOutputTail() + serve.StandardErrorTail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_client_says_no_server_answers_on_a_closed_port()
    {
        using var api = new StatusApiClient(new Uri($"http://127.0.0.1:{FreePort.Get()}"));
        var e = await Assert.ThrowsAsync<StatusApiException>(() => api.GetServerStatusAsync(default));
        Assert.StartsWith("No rtmpx server answers at http://127.0.0.1:", e.Message, StringComparison.Ordinal);
    }
}
