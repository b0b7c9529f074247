using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve --record` as an operator runs it: a real process, ffmpeg publishing, ffprobe judging the files.</summary>
public sealed class RecordingCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static string Recording(string folder, string extension)
        => Assert.Single(Directory.GetFiles(folder, "*" + extension, SearchOption.AllDirectories));

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task An_mp4_recording_holds_every_frame_that_was_published_with_its_times_and_the_server_stops_cleanly_on_sigterm()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 3, bFrames: 2);
        var recordings = Path.Combine(dir.Path, "rec");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--record", recordings, "--api", "127.0.0.1:0");
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        var api = await RtmpxCli.StatusApiAsync(rtmpx, Step);

        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        await rtmpx.WaitForOutputAsync(l => l.Contains("Recorded "), Step);

        var recording = Recording(recordings, ".mp4");
        Assert.Matches(new Regex(@"rec[/\\]live[/\\]cam1[/\\]\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d-\d{6}\.mp4$"), recording);
        var expected = await Ffprobe.ProbeAsync(source);
        var recorded = await Ffprobe.ProbeAsync(recording);
        Assert.Equal("h264", recorded.StreamOf("video")?.CodecName);
        Assert.Equal("aac", recorded.StreamOf("audio")?.CodecName);
        Assert.Equal(expected.CountOf("video"), recorded.CountOf("video"));
        Assert.Equal(expected.CountOf("audio"), recorded.CountOf("audio"));
        recorded.AssertDtsStrictlyIncreasing("video");
        recorded.AssertPtsNotBeforeDts();

        // Composition offsets kept: the B-frames are shown in another order than they are decoded.
        var video = recorded.PacketsOf("video");
        Assert.Contains(video, p => p.Pts != p.Dts);
        Assert.Equal(expected.PacketsOf("video").Select(p => p.Pts - p.Dts), video.Select(p => (p.Pts - p.Dts) / 90)); // FLV's milliseconds, MP4's 90 kHz

        // `rtmpx record list` shows it, from the running server's API.
        await using var list = RtmpxCli.Start("record", "list", "--api", api, "--json");
        Assert.Equal(0, await list.WaitForExitAsync(Step));
        var listed = Assert.Single(JsonDocument.Parse(list.StandardOutputTail()).RootElement.EnumerateArray());
        Assert.Equal("live/cam1", listed.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(recording).Length, listed.GetProperty("bytes").GetInt64());
        Assert.InRange(TimeSpan.Parse(listed.GetProperty("duration").GetString()!).TotalSeconds, 2.9, 3.2);
        Assert.False(listed.GetProperty("inProgress").GetBoolean());

        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Flv_is_still_a_format_and_holds_every_frame()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 3, bFrames: 2);
        var recordings = Path.Combine(dir.Path, "rec");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--record", recordings, "--record-format", "flv", "--no-api");
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        await rtmpx.WaitForOutputAsync(l => l.Contains("Recorded "), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));

        var recording = Recording(recordings, ".flv");
        var expected = await Ffprobe.ProbeAsync(source);
        var recorded = await Ffprobe.ProbeAsync(recording);
        Assert.Equal(expected.CountOf("video"), recorded.CountOf("video"));
        Assert.Equal(expected.CountOf("audio"), recorded.CountOf("audio"));
        Assert.Equal(0, recorded.PacketsOf("video").Min(p => p.Dts));
        recorded.AssertDtsStrictlyIncreasing("video");
        Assert.Equal(0x05, File.ReadAllBytes(recording)[4]);
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Sigterm_during_a_publish_finalises_the_recording()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 20, bFrames: 0);
        var recordings = Path.Combine(dir.Path, "rec");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--record", recordings, "--no-api");
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);

        // A second of media reaches the file before the stop; the publisher is still sending.
        await using var player = Ffmpeg.Play($"rtmp://127.0.0.1:{port}/live/cam1", dir.File("played.flv"));
        await rtmpx.WaitForOutputAsync(l => l.Contains("plays live/cam1"), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));

        var recording = Recording(recordings, ".mp4");
        var recorded = await Ffprobe.ProbeAsync(recording);
        Assert.Equal("h264", recorded.StreamOf("video")?.CodecName);
        Assert.True(recorded.CountOf("video") > 0, "the recording is empty");
        recorded.AssertDtsStrictlyIncreasing("video");
        Assert.Contains("Stopped", rtmpx.StandardErrorTail());
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_server_killed_with_sigkill_mid_segment_leaves_a_file_that_plays_up_to_its_last_fragment()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 30, bFrames: 2);
        var recordings = Directory.CreateDirectory(dir.File("rec")).FullName;
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--record", recordings, "--no-api");
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1"), Step);

        // Killed once four seconds are on disk, in the middle of an hour-long segment.
        string? file = null;
        await Condition.WaitAsync(() => (file = Directory.GetFiles(recordings, "*.mp4", SearchOption.AllDirectories).SingleOrDefault()) != null && Seconds(file) >= 4, Step, "four seconds of recording");
        rtmpx.Kill();
        await rtmpx.WaitForExitAsync(Step);

        var summary = Summary(file!);
        var recorded = await Ffprobe.ProbeAsync(file!);
        Assert.InRange(summary.Duration.TotalSeconds, 4, 8);
        Assert.InRange(recorded.CountOf("video"), (int)(summary.Duration.TotalSeconds - 1) * 25, (int)(summary.Duration.TotalSeconds + 1) * 25);
        Assert.True(recorded.CountOf("audio") > 100, "audio is there");
        Assert.True(recorded.PacketsOf("video")[0].Keyframe, "the file starts at a key frame");
        recorded.AssertDtsStrictlyIncreasing("video");
        recorded.AssertPtsNotBeforeDts();

        // Every picture in the file decodes; a cut-off last fragment is not read at all.
        await using var decode = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-i", file!, "-f", "null", "-" });
        Assert.Equal(0, await decode.WaitForExitAsync(Step));
        Assert.Equal(string.Empty, decode.StandardErrorTail().Trim());
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task One_second_segments_start_at_key_frames_and_those_past_their_age_are_deleted_while_recording_goes_on()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 8, bFrames: 0, gop: 25);
        var recordings = Directory.CreateDirectory(dir.File("rec")).FullName;
        var config = dir.File("rtmpx.json");
        File.WriteAllText(config, """
            {
              "listeners": { "rtmp": { "listen": "127.0.0.1:0" } },
              "api": { "listen": "127.0.0.1:0" },
              "record": { "directory": "rec", "segmentSeconds": 1, "deleteAfterHours": 0.0006 }
            }
            """);
        await using var rtmpx = RtmpxCli.Start("serve", "--config", config);
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        var api = await RtmpxCli.StatusApiAsync(rtmpx, Step);

        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1");
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        await rtmpx.WaitForOutputAsync(l => l.Contains("Stream stopped"), Step);
        await rtmpx.WaitForOutputAsync(l => l.Contains("Deleted recording live/cam1/"), Step);

        var kept = Directory.GetFiles(recordings, "*.mp4", SearchOption.AllDirectories);
        Assert.InRange(kept.Length, 1, 6);
        foreach (var file in kept)
        {
            var probe = await Ffprobe.ProbeAsync(file);
            Assert.True(probe.PacketsOf("video")[0].Keyframe, $"{file} starts at a key frame");
            Assert.InRange(probe.CountOf("video"), 24, 26);
        }

        await using var list = RtmpxCli.Start("record", "list", "--api", api);
        Assert.Equal(0, await list.WaitForExitAsync(Step));
        Assert.Contains("live/cam1", list.StandardOutputTail());
    }

    // What the file plays so far; a file just created has no movie box yet.
    private static double Seconds(string file)
    {
        try
        {
            return Summary(file).Duration.TotalSeconds;
        }
        catch (RtmpXProtect.Engine.Media.MediaFormatException)
        {
            return 0;
        }
    }

    private static FragmentedMp4Summary Summary(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return FragmentedMp4Summary.Read(stream);
    }
}
