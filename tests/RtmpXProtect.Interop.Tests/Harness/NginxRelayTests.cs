using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Harness;

/// <summary>
/// Proves the harness on peers that are known to work together: ffmpeg publishes to nginx-rtmp,
/// ffmpeg and rtmpdump play from it. When these fail the harness (or the machine) is broken,
/// not rtmpx; the rtmpx interop tests swap one peer for rtmpx on top of the same pieces.
/// </summary>
public sealed class NginxRelayTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task Ffmpeg_player_receives_every_bframe_video_packet_relayed_by_nginx()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();
        var played = dir.File("played.flv");

        // Player first: nginx-rtmp with "live on" keeps it waiting for the publisher,
        // so it sees the stream from its first keyframe and the packet count is exact.
        await using var player = Ffmpeg.Play(nginx.Url("cam1"), played);
        await nginx.WaitForPlayAsync("cam1", Step);
        await using var publisher = Ffmpeg.Publish(source, nginx.Url("cam1"));

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var probe = await Ffprobe.ProbeAsync(played);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.Equal("aac", probe.StreamOf("audio")?.CodecName);
        Assert.Equal(320, probe.StreamOf("video")?.Width);
        Assert.InRange(probe.CountOf("video"), 50, int.MaxValue);
        Assert.InRange(probe.CountOf("audio"), 1, int.MaxValue);
        probe.AssertDtsStrictlyIncreasing("video");
        probe.AssertPtsNotBeforeDts();
        var sourceProbe = await Ffprobe.ProbeAsync(source);
        Assert.Equal(sourceProbe.CountOf("video"), probe.CountOf("video"));
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx", "rtmpdump")]
    public async Task Rtmpdump_writes_a_valid_flv_of_a_stream_relayed_by_nginx()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();

        await using var dump = Rtmpdump.Play(nginx.Url("cam1"), dir.File("dumped.flv"));
        await nginx.WaitForPlayAsync("cam1", Step);
        await using var publisher = Ffmpeg.Publish(source, nginx.Url("cam1"));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));

        var result = await dump.WaitAsync(Step);
        Assert.True(result.EndedNormally, $"rtmpdump exit {result.ExitCode}:\n{result.StandardErrorTail}");
        // A live dump that ended because data stopped is "incomplete" to librtmp.
        Assert.Equal(2, result.ExitCode);

        var header = new byte[3];
        using (var file = File.OpenRead(result.File))
        {
            Assert.Equal(3, file.Read(header, 0, 3));
        }

        Assert.Equal("FLV", Encoding.ASCII.GetString(header));
        var probe = await Ffprobe.ProbeAsync(result.File);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.InRange(probe.CountOf("video"), 50, int.MaxValue);
        probe.AssertDtsStrictlyIncreasing("video");
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task Player_joining_a_running_stream_gets_it_from_the_join_point()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();

        await using var publisher = Ffmpeg.Publish(source, nginx.Url("late"));
        await nginx.WaitForPublishAsync("late", Step);
        var played = dir.File("late.flv");
        await using var player = Ffmpeg.Play(nginx.Url("late"), played);

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        // nginx-rtmp keeps no GOP cache by default: a late player only gets what is sent after it
        // joined, so it sees fewer packets than were published, but what it sees decodes in order.
        var probe = await Ffprobe.ProbeAsync(played);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.InRange(probe.CountOf("video"), 1, 100);
        probe.AssertDtsStrictlyIncreasing("video");
        probe.AssertPtsNotBeforeDts();
    }

    [PeerFact("ffmpeg", "nginx")]
    public async Task Nginx_rejects_a_second_publisher_of_the_same_stream()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 0);
        await using var nginx = await NginxRtmp.StartAsync();

        await using var first = Ffmpeg.Publish(source, nginx.Url("dup"));
        await nginx.WaitForPublishAsync("dup", Step);
        await using var second = Ffmpeg.Publish(source, nginx.Url("dup"));

        Assert.NotEqual(0, await second.WaitForExitAsync(Step));
        Assert.Equal(0, await first.WaitForExitAsync(Step));
        await nginx.Process.WaitForOutputAsync(l => l.Contains("already publishing", StringComparison.Ordinal), Step);
    }
}
