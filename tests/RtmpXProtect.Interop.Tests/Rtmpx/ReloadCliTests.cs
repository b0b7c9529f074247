using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve --config FILE` reloading its file while encoders stream.</summary>
public sealed class ReloadCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private const string Cam1Key = "Rl1cam9Qx";
    private const string Cam2Key = "Rl2cam4Zv";

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Revoking_cam2s_key_in_the_file_drops_cam2_while_cam1s_player_gets_every_frame()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 6, bFrames: 0);
        var config = dir.File("rtmpx.json");
        File.WriteAllText(config, Config(Cam2Key));
        await using var rtmpx = RtmpxCli.Start("serve", "--config", config);
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        // The player waits for the publisher, so it sees the stream from its first frame.
        var received = dir.File("cam1.flv");
        await using var player = Ffmpeg.Play($"rtmp://127.0.0.1:{port}/live/cam1", received);
        await rtmpx.WaitForOutputAsync(l => l.Contains("plays live/cam1"), Step);
        await using var cam1 = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key={Cam1Key}");
        await using var cam2 = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam2?key={Cam2Key}");
        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);
        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam2"), Step);

        // Written as editors save: a new file renamed over the old one.
        File.WriteAllText(config + ".tmp", Config(null));
        File.Move(config + ".tmp", config, overwrite: true);

        var reloaded = await rtmpx.WaitForOutputAsync(l => l.Contains("Reloaded rtmpx.json"), Step);
        Assert.Contains("paths changed", reloaded);
        Assert.Contains("1 session closed", reloaded);
        Assert.Contains("live/cam2?****", await rtmpx.WaitForOutputAsync(l => l.Contains("AccessRevoked"), Step));
        Assert.NotEqual(0, await cam2.WaitForExitAsync(Step));
        Assert.Equal(0, await cam1.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var sent = await Ffprobe.ProbeAsync(source);
        var got = await Ffprobe.ProbeAsync(received);
        Assert.Equal(sent.CountOf("video"), got.CountOf("video"));
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
        var output = rtmpx.StandardErrorTail() + rtmpx.StandardOutputTail();
        Assert.DoesNotContain(Cam1Key, output);
        Assert.DoesNotContain(Cam2Key, output);
    }

    [PeerFact("ffmpeg")]
    public async Task A_SIGHUP_reloads_the_edited_file_and_an_invalid_file_is_rejected_while_cam1_still_publishes()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 1, bFrames: 0);
        var config = dir.File("rtmpx.json");
        File.WriteAllText(config, Config(null));
        await using var rtmpx = RtmpxCli.Start("serve", "--config", config);
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        await using (var refused = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam2?key={Cam2Key}"))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(Step));
        }

        File.WriteAllText(config, Config(Cam2Key));
        RtmpxCli.Hangup(rtmpx);
        await rtmpx.WaitForOutputAsync(l => l.Contains("Reloaded rtmpx.json (SIGHUP)"), Step);
        await using (var cam2 = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam2?key={Cam2Key}"))
        {
            Assert.Equal(0, await cam2.WaitForExitAsync(Step));
        }

        File.WriteAllText(config, "{\n  \"paths\": { \"publishKeys\": [\"" + Cam1Key + "\"] },\n  \"limits\": { \"maxConnections\": 0 }\n}\n");
        RtmpxCli.Hangup(rtmpx);
        var rejected = await rtmpx.WaitForOutputAsync(l => l.Contains("Rejected rtmpx.json"), Step);
        Assert.Contains("line 3: limits.maxConnections must be 1–100000", rejected);
        await using (var cam1 = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key={Cam1Key}"))
        {
            Assert.Equal(0, await cam1.WaitForExitAsync(Step));
        }

        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
        Assert.DoesNotContain(Cam1Key, rtmpx.StandardErrorTail() + rtmpx.StandardOutputTail());
    }

    [PeerFact("nohup")]
    public async Task Under_nohup_a_SIGHUP_still_reloads_the_file()
    {
        // nohup leaves SIGHUP ignored, and a process keeps an ignored signal ignored across exec.
        using var dir = new TempDirectory();
        var config = dir.File("rtmpx.json");
        File.WriteAllText(config, Config(null));
        await using var rtmpx = RtmpxCli.StartUnder("nohup", "serve", "--config", config);
        await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        RtmpxCli.Hangup(rtmpx);
        await rtmpx.WaitForOutputAsync(l => l.Contains("Reloaded rtmpx.json (SIGHUP)"), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
    }

    private static string Config(string? cam2Key) => $$"""
        {
          "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
          "limits": { "maxConnectionsPerAddress": 100, "newConnectionsPerSecondPerAddress": 100 },
          "paths": {
            "mode": "fixed",
            "entries": {
              "live/cam1": { "publishKeys": ["{{Cam1Key}}"] },
              "live/cam2": { "publishKeys": [{{(cam2Key == null ? string.Empty : "\"" + cam2Key + "\"")}}] },
            },
          },
        }
        """;

}
