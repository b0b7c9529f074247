using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>
/// A real `rtmpx serve --config` whose stream reads serve's own ingest (in process, no socket, no
/// helper) and sends it on to nginx-rtmp: the "source without audio streamed to nginx".
/// </summary>
public class ServeIngestStreamTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private readonly ITestOutputHelper _output;

    public ServeIngestStreamTests(ITestOutputHelper output) => _output = output;

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task An_ingest_path_published_by_ffmpeg_without_audio_reaches_nginx_as_h264_and_aac()
    {
        using var temp = new TempDirectory();
        var flv = temp.File("video-only.flv");
        await using (var encoder = PeerProcess.Start("ffmpeg", new[]
        {
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=8",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
            "-an", "-f", "flv", flv,
        }))
        {
            Assert.Equal(0, await encoder.WaitForExitAsync(Step));
        }

        await using var nginx = await NginxRtmp.StartAsync();
        File.WriteAllText(temp.File("out.url"), nginx.Url("out") + "\n");
        File.WriteAllText(temp.File("rtmpx.json"), $$"""
            {
              "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
              "api": { "listen": "127.0.0.1:0" },
              "streams": [ { "name": "cam", "source": "ingest:live/cam", "destinations": [ { "urlFile": "out.url" } ] } ],
            }
            """);
        await using var serve = RtmpxCli.Start("serve", "--config", temp.File("rtmpx.json"));
        var rtmpPort = await RtmpxCli.ListeningPortAsync(serve, Step);
        var api = await RtmpxCli.StatusApiAsync(serve, Step);

        // The streamer publishes to nginx once the ingest path has a publisher; the player waits there first.
        var received = temp.File("received.flv");
        await using var player = Ffmpeg.Play(nginx.Url("out"), received, TimeSpan.FromSeconds(5));
        await nginx.WaitForPlayAsync("out", Step);
        await using var camera = Ffmpeg.Publish(flv, $"rtmp://127.0.0.1:{rtmpPort}/live/cam");
        await serve.WaitForOutputAsync(l => l.Contains($"Stream cam → rtmp://127.0.0.1:{nginx.Port}/live/****: Streaming"), Step);

        using (var http = new HttpClient())
        {
            var status = JsonDocument.Parse(await http.GetStringAsync($"{api}/api/relays/cam")).RootElement;
            Assert.Equal(JsonValueKind.Null, status.GetProperty("processId").ValueKind);
            Assert.Equal("Streaming", status.GetProperty("destinations")[0].GetProperty("state").GetString());
        }

        Assert.Equal(0, await camera.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        RtmpxCli.Terminate(serve);
        Assert.Equal(0, await serve.WaitForExitAsync(Step));
        Assert.DoesNotContain("Started helper for cam", serve.StandardOutputTail() + serve.StandardErrorTail());

        var probe = await Ffprobe.ProbeAsync(received);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.Equal("aac", probe.StreamOf("audio")?.CodecName);
        var video = probe.PacketsOf("video");
        var audio = probe.PacketsOf("audio");
        var videoSpan = video.Max(p => p.Pts!.Value) + 40 - video.Min(p => p.Pts!.Value);
        var audioSpan = audio.Max(p => p.Pts!.Value) + (1024 * 1000 / 48000) - audio.Min(p => p.Pts!.Value);
        _output.WriteLine($"video {videoSpan} ms ({video.Count} packets), audio {audioSpan} ms ({audio.Count} packets)");
        Assert.True(videoSpan >= 5000, $"video only {videoSpan} ms");
        Assert.True(Math.Abs(audioSpan - videoSpan) <= 100, $"audio {audioSpan} ms vs video {videoSpan} ms");
    }
}
