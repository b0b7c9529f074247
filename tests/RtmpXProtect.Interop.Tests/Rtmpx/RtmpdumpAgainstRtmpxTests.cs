using System;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>rtmpdump (librtmp, the library inside many encoders and players) plays from rtmpx.</summary>
public sealed class RtmpdumpAgainstRtmpxTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe", "rtmpdump")]
    public async Task Rtmpdump_plays_every_frame_of_a_stream_ffmpeg_publishes_to_rtmpx()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2, gop: 250);
        await using var server = new InProcessServer();

        await using var publisher = Ffmpeg.Publish(source, server.Url("cam1"));
        await server.Published("cam1", Step);
        await using var dump = Rtmpdump.Play(server.Url("cam1"), dir.File("dumped.flv"));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));

        var result = await dump.WaitAsync(Step);
        Assert.True(result.EndedNormally, $"rtmpdump exit {result.ExitCode}:\n{result.StandardErrorTail}");
        var dumped = await Ffprobe.ProbeAsync(result.File);
        Assert.Equal("h264", dumped.StreamOf("video")?.CodecName);
        Assert.Equal("aac", dumped.StreamOf("audio")?.CodecName);
        Assert.Equal((await Ffprobe.ProbeAsync(source)).CountOf("video"), dumped.CountOf("video"));
        dumped.AssertDtsStrictlyIncreasing("video");
        dumped.AssertPtsNotBeforeDts();
    }
}
