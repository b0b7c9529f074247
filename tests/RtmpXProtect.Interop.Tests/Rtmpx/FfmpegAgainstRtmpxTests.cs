using System;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>ffmpeg publishes to rtmpx and ffmpeg plays it back: what every user tries first.</summary>
public sealed class FfmpegAgainstRtmpxTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Ffmpeg_plays_back_every_frame_ffmpeg_published_with_composition_time_kept(int bFrames)
    {
        using var dir = new TempDirectory();

        // One GOP for the whole file: a player that joins at any point gets it all from the cache.
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: bFrames, gop: 250);
        await using var server = new InProcessServer();

        await using var publisher = Ffmpeg.Publish(source, server.Url("cam1"));
        await server.Published("cam1", Step);
        await using var player = Ffmpeg.Play(server.Url("cam1"), dir.File("played.flv"));

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var expected = await Ffprobe.ProbeAsync(source);
        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        Assert.Equal(expected.CountOf("audio"), played.CountOf("audio"));
        played.AssertDtsStrictlyIncreasing("video");
        played.AssertPtsNotBeforeDts();
        if (bFrames > 0)
        {
            Assert.Contains(played.PacketsOf("video"), p => p.Pts > p.Dts);
        }
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_player_joining_mid_gop_starts_at_the_cached_keyframe_not_the_next_one()
    {
        using var dir = new TempDirectory();

        // A 10 s GOP in a 6 s file: nginx-rtmp would show this player nothing; rtmpx sends the cached GOP.
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 6, bFrames: 0, gop: 250);
        await using var server = new InProcessServer();
        await using var publisher = Ffmpeg.Publish(source, server.Url("cam1"));
        await server.Published("cam1", Step);
        await FrameWatch.WaitAsync(server.Server, "live/cam1", 40, Step);

        await using var player = Ffmpeg.Play(server.Url("cam1"), dir.File("played.flv"));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        var video = played.PacketsOf("video");
        Assert.True(video[0].Keyframe, "the first video packet must be a keyframe");
        Assert.Equal((await Ffprobe.ProbeAsync(source)).CountOf("video"), video.Count);
    }

    [PeerFact("ffmpeg")]
    public async Task A_second_ffmpeg_publisher_is_refused_and_the_first_keeps_streaming()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 0);
        await using var server = new InProcessServer();
        await using var first = Ffmpeg.Publish(source, server.Url("cam1"));
        var stream = await server.Published("cam1", Step);

        await using var second = Ffmpeg.Publish(source, server.Url("cam1"));
        Assert.NotEqual(0, await second.WaitForExitAsync(Step));
        var framesWhenRefused = stream.FramesReceived;

        Assert.Equal(0, await first.WaitForExitAsync(Step));
        Assert.True(stream.FramesReceived > framesWhenRefused, "the first publisher stopped when the second was refused");
    }
}
