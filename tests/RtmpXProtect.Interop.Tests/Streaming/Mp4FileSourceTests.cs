using System;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming.Paths;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtsp;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>
/// MP4 files written by ffmpeg (movie box at the end, at the front, fragmented; H.264 and H.265
/// with B-frames, AAC) as looped path sources, judged by ffprobe over RTMP and RTSP.
/// </summary>
public class Mp4FileSourceTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData("")]
    [InlineData("+faststart")]
    [InlineData("+frag_keyframe+empty_moov+default_base_moof")]
    public async Task An_h264_mp4_loops_as_a_path_with_time_never_going_back(string movflags)
    {
        using var temp = new TempDirectory();
        var mp4 = await Ffmpeg.MakeTestMp4Async(temp.Path, seconds: 2, bFrames: 2, movflags);
        var options = RtspServer.Options();
        options.PathSources.Add(new PathSourceOptions("live/loop", mp4, onDemand: false, closeAfter: TimeSpan.FromSeconds(10)));
        await using var server = new InProcessServer(options: options);
        var stream = await server.Published("loop", Step);

        // Five seconds of a two-second file: the passes follow each other without a gap or a step back.
        var probe = await Ffprobe.ProbeAsync(server.Url("loop"), "-read_intervals", "%+5");

        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.Equal("aac", probe.StreamOf("audio")?.CodecName);
        Assert.Contains("320x240", stream.VideoDescription);
        probe.AssertDtsStrictlyIncreasing("video");
        probe.AssertPtsNotBeforeDts();
        var video = probe.PacketsOf("video");
        Assert.True(video.Count(p => p.Pts > p.Dts) > 10, "the B-frames' composition offsets were lost");
        var span = (video[^1].Dts - video[0].Dts) / 1000.0;
        Assert.True(span > 3.5, $"the video spans {span:0.00} s: the file did not loop");
        Assert.True(probe.CountOf("audio") > 150, probe.CountOf("audio") + " audio frames");
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task An_h265_mp4_plays_over_rtsp_as_h265()
    {
        using var temp = new TempDirectory();
        var mp4 = await Ffmpeg.MakeTestMp4Async(temp.Path, seconds: 2, bFrames: 2, "+faststart", video: "libx265");
        var options = RtspServer.Options();
        options.PathSources.Add(new PathSourceOptions("live/loop", mp4, onDemand: false, closeAfter: TimeSpan.FromSeconds(10)));
        await using var server = new InProcessServer(options: options);
        await server.Published("loop", Step);

        var probe = await Ffprobe.ProbeAsync(RtspServer.Url(server, "live/loop"), "-rtsp_transport", "tcp", "-read_intervals", "%+3");

        Assert.Equal("hevc", probe.StreamOf("video")?.CodecName);
        Assert.Equal(320, probe.StreamOf("video")?.Width);
        Assert.Equal("aac", probe.StreamOf("audio")?.CodecName);
        Assert.True(probe.CountOf("video") > 40, probe.CountOf("video") + " pictures");
    }

    [PeerFact("ffmpeg")]
    public async Task The_streamer_sends_an_mp4_file_out_over_rtmp()
    {
        using var temp = new TempDirectory();
        var mp4 = await Ffmpeg.MakeTestMp4Async(temp.Path, seconds: 2, bFrames: 0, "");
        await using var server = new InProcessServer();
        await using var run = RtmpxCli.StartWithInput(server.Url("out") + "\n", "stream", "run", "--source", mp4, "--to", "-");

        // A frame, not StreamStarted: the streamer publishes before its source has read anything,
        // and StreamStarted waits only 2 s for the headers.
        await FrameWatch.WaitAsync(server.Server, "live/out", 1, Step);
        await run.WaitForOutputAsync(l => l.Contains("one-off: Streaming"), Step);

        var stream = Assert.Single(server.Server.GetStatus().Streams, s => s.Path == "live/out");
        Assert.Equal((320, 240, "aac"), (stream.Width, stream.Height, stream.AudioCodec));
        Assert.StartsWith("AAC-LC ", (await server.Published("out", Step)).AudioDescription);
        Assert.Contains("MP4 file", run.StandardErrorTail() + run.StandardOutputTail());
        RtmpxCli.Terminate(run);
        Assert.Equal(0, await run.WaitForExitAsync(Step));
    }
}
