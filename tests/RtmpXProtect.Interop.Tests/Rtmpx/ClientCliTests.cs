using System;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx publish` and `rtmpx play` as real processes against nginx-rtmp.</summary>
public sealed class ClientCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40);

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task Rtmpx_play_records_what_rtmpx_publish_sends_through_nginx()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 3, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();

        await using var player = RtmpxCli.Start("play", nginx.Url("cam1"), "--out", dir.File("played.flv"));
        await nginx.WaitForPlayAsync("cam1", Step);
        await using var publisher = RtmpxCli.Start("publish", source, nginx.Url("cam1"));

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        Assert.Contains("Published", publisher.StandardErrorTail());

        var expected = await Ffprobe.ProbeAsync(source);
        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        played.AssertDtsStrictlyIncreasing("video");
        played.AssertPtsNotBeforeDts();
    }

    [PeerFact]
    public async Task A_bad_url_is_refused_without_repeating_the_key()
    {
        await using var publisher = RtmpxCli.Start("publish", "missing.flv", "rtmp://host:99999/live/cam1?key=s3cret");
        Assert.Equal(2, await publisher.WaitForExitAsync(Step));
        Assert.Contains("invalid port", publisher.StandardErrorTail());
        Assert.DoesNotContain("s3cret", publisher.StandardErrorTail() + publisher.StandardOutputTail());
    }
}
