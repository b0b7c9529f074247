using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve --config FILE` as an operator runs it.</summary>
public sealed class ConfigCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private const string PathKey = "Cf3nR7yLw2";

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_publishes_with_the_path_key_from_the_file_and_the_key_never_reaches_the_log()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 2, bFrames: 0);
        File.WriteAllText(dir.File("rtmpx.json"), $$"""
            {
              // one camera, one key
              "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
              "paths": { "mode": "fixed", "entries": { "live/cam1": { "publishKeys": ["{{PathKey}}"] } } },
            }
            """);
        await using var rtmpx = RtmpxCli.Start("serve", "--config", dir.File("rtmpx.json"));
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using (var refused = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key=wrong"))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(Step));
        }

        await using (var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key={PathKey}"))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        await rtmpx.WaitForOutputAsync(l => l.Contains("stopped publishing live/cam1"), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
        Assert.DoesNotContain(PathKey, rtmpx.StandardErrorTail() + rtmpx.StandardOutputTail());
    }

    [Fact]
    public async Task An_invalid_file_stops_serve_with_the_line_and_key_and_without_the_keys_in_it()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rtmpx.json"), "{\n  \"paths\": { \"publishKeys\": [\"" + PathKey + "\"] },\n  \"limits\": { \"maxConnections\": 0 }\n}\n");
        await using var rtmpx = RtmpxCli.Start("serve", "--config", dir.File("rtmpx.json"));
        Assert.Equal(2, await rtmpx.WaitForExitAsync(Step));
        var output = rtmpx.StandardErrorTail() + rtmpx.StandardOutputTail();
        Assert.Contains("line 3: limits.maxConnections must be 1–100000", output);
        Assert.DoesNotContain(PathKey, output);
    }

    [Fact]
    public async Task The_command_line_listen_address_wins_over_the_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rtmpx.json"), "{ \"listeners\": { \"rtmp\": { \"listen\": \"bad address\" } } }");
        await using var refused = RtmpxCli.Start("serve", "--config", dir.File("rtmpx.json"));
        Assert.Equal(2, await refused.WaitForExitAsync(Step));

        File.WriteAllText(dir.File("rtmpx.json"), "{ \"listeners\": { \"rtmp\": { \"listen\": \"0.0.0.0:1\" } }, \"logging\": { \"level\": \"warning\" } }");
        await using var rtmpx = RtmpxCli.Start("serve", "--config", dir.File("rtmpx.json"), "--listen", "127.0.0.1:0", "--log-level", "Information");
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        Assert.NotEqual(1, port);
        RtmpxCli.Terminate(rtmpx);
        var code = await rtmpx.WaitForExitAsync(Step);
        Assert.True(code == 0, code + ": " + rtmpx.StandardErrorTail() + rtmpx.StandardOutputTail());
    }

}
