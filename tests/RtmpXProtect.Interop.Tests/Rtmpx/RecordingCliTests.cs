using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve --record` as an operator runs it: a real process, stopped with SIGTERM.</summary>
public sealed class RecordingCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_recording_holds_every_frame_that_was_published_and_the_server_stops_cleanly_on_sigterm()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 3, bFrames: 2);
        var recordings = Path.Combine(dir.Path, "rec");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--record", recordings);
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        await rtmpx.WaitForOutputAsync(l => l.Contains("Recorded "), Step);

        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));

        var recording = Assert.Single(Directory.GetFiles(recordings, "*.flv"));
        Assert.Matches(new Regex(@"live_cam1-\d{8}-\d{6}\.flv$"), recording);
        var expected = await Ffprobe.ProbeAsync(source);
        var recorded = await Ffprobe.ProbeAsync(recording);
        Assert.Equal(expected.CountOf("video"), recorded.CountOf("video"));
        Assert.Equal(expected.CountOf("audio"), recorded.CountOf("audio"));
        Assert.Equal(0, recorded.PacketsOf("video").Min(p => p.Dts));
        recorded.AssertDtsStrictlyIncreasing("video");
        recorded.AssertPtsNotBeforeDts();
        Assert.Equal(0x05, File.ReadAllBytes(recording)[4]);
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Sigterm_during_a_publish_finalises_the_recording()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 20, bFrames: 0);
        var recordings = Path.Combine(dir.Path, "rec");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--record", recordings);
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);

        // A second of media reaches the file before the stop; the publisher is still sending.
        await using var player = Ffmpeg.Play($"rtmp://127.0.0.1:{port}/live/cam1", dir.File("played.flv"));
        await rtmpx.WaitForOutputAsync(l => l.Contains("plays live/cam1"), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));

        var recording = Assert.Single(Directory.GetFiles(recordings, "*.flv"));
        var recorded = await Ffprobe.ProbeAsync(recording);
        Assert.Equal("h264", recorded.StreamOf("video")?.CodecName);
        Assert.True(recorded.CountOf("video") > 0, "the recording is empty");
        recorded.AssertDtsStrictlyIncreasing("video");
        Assert.Equal(0x05, File.ReadAllBytes(recording)[4]);
        Assert.Contains("Stopped", rtmpx.StandardErrorTail());
    }

}
