using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>A path's own publisher addresses and record setting, with ffmpeg as the encoder.</summary>
public sealed class PathSettingsCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task A_path_limited_to_another_network_refuses_ffmpeg_and_a_path_set_not_to_record_is_not_recorded()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 1, bFrames: 0);
        var recordings = Directory.CreateDirectory(dir.File("rec")).FullName;
        File.WriteAllText(dir.File("rtmpx.json"), """
            {
              "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
              "record": { "directory": "rec" },
              "paths": {
                "publishKeys": ["PK"],
                "entries": {
                  "live/remote": { "publishers": ["10.0.0.0/8"] },
                  "live/quiet": { "publishers": ["127.0.0.0/8"], "record": false },
                },
              },
            }
            """);
        await using var rtmpx = RtmpxCli.Start("serve", "--config", dir.File("rtmpx.json"));
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using (var remote = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/remote?key=PK"))
        {
            Assert.NotEqual(0, await remote.WaitForExitAsync(Step));
        }

        Assert.Contains("may not publish", await rtmpx.WaitForOutputAsync(l => l.Contains("live/remote"), Step));
        await using (var quiet = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/quiet?key=PK"))
        await using (var recorded = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key=PK"))
        {
            Assert.Equal(0, await quiet.WaitForExitAsync(Step));
            Assert.Equal(0, await recorded.WaitForExitAsync(Step));
        }

        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
        var files = Directory.GetFiles(recordings, "*.mp4", SearchOption.AllDirectories);
        Assert.Single(files);
        Assert.Contains(Path.Combine("live", "cam1"), files[0]);
    }
}
