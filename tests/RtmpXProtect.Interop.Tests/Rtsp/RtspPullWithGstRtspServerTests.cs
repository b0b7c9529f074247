using System;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>rtmpx's streamer takes an RTSP camera (gst-rtsp-server) as its source and publishes it over RTMP.</summary>
public class RtspPullWithGstRtspServerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerTheory("ffmpeg", GstRtspServer.Python)]
    [InlineData(null, null, "basic")]
    [InlineData("camera", "se cret", "basic")]
    [InlineData("camera", "se cret", "digest")]
    public async Task An_rtsp_camera_is_streamed_out_over_rtmp_with_its_video_and_audio(string? user, string? password, string auth)
    {
        using var temp = new TempDirectory();
        await using var camera = await GstRtspServer.StartAsync(null, user, password, auth: auth);
        await using var server = new InProcessServer();
        await using var run = RtmpxCli.StartWithInput(server.Url("cam") + "\n", "stream", "run", "--source", camera.Url(user, password), "--to", "-");
        var stream = await server.Published("cam", Step);

        var played = temp.File("played.flv");
        await using (var player = RtmpxCli.Start("play", server.Url("cam"), "--out", played, "--duration", "3"))
        {
            Assert.True(0 == await player.WaitForExitAsync(Step), player.StandardErrorTail());
        }

        RtmpxCli.Terminate(run);
        await run.WaitForExitAsync(Step);
        Assert.True(new System.IO.FileInfo(played).Length > 1000, "rtmpx play got nothing; the streamer said: " + run.StandardErrorTail() + run.StandardOutputTail() + " camera: " + camera.Process.StandardErrorTail() + camera.Process.StandardOutputTail());
        var probe = await Ffprobe.ProbeAsync(played);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.Equal("aac", probe.StreamOf("audio")?.CodecName);
        Assert.True(probe.CountOf("video") > 25, probe.CountOf("video") + " pictures");
        probe.AssertDtsStrictlyIncreasing("video");
        Assert.Contains("320x240", stream.VideoDescription);
        if (password != null)
        {
            Assert.DoesNotContain(password, run.StandardErrorTail() + run.StandardOutputTail());
        }
    }

    [PeerFact("ffmpeg")]
    public async Task The_streamer_proves_a_play_key_by_digest_to_rtmpxs_own_rtsp_server()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 10, bFrames: 2);
        var options = RtspServer.Options();
        var path = new Engine.Server.Access.AccessPath("live/cam");
        path.PublishKeys.Add("pub-key");
        path.PlayKeys.Add("play key");
        options.Access = new Engine.Server.Access.AccessPolicy { Mode = Engine.Server.Access.AccessMode.Open, PlayRequiresKey = true };
        options.Access.Paths.Add(path);
        options.Access.PublishKeys.Add("relay-key");
        await using var server = new InProcessServer(options: options);
        await using var publisher = Ffmpeg.Publish(flv, server.Url("cam?key=pub-key"));
        await server.Published("cam", Step);
        var rejected = server.Server.RtspRejections[Engine.Server.RejectionReason.AccessDenied];

        var source = $"rtsp://viewer:play%20key@127.0.0.1:{server.Server.RtspLocalEndPoint.Port}/live/cam";
        await using var run = RtmpxCli.StartWithInput(server.Url("relayed?key=relay-key") + "\n", "stream", "run", "--source", source, "--to", "-");

        // Waited for as a frame, not as StreamStarted: the streamer publishes before its source has
        // played, and a loaded machine can take longer than the 2 s Started waits for the headers.
        await FrameWatch.WaitAsync(server.Server, "live/relayed", 1, Step);
        var relayed = Assert.Single(server.Server.GetStatus().Streams, s => s.Path == "live/relayed");

        // The first DESCRIBE is refused with the challenge, the second carries the Digest response.
        Assert.Equal(rejected + 1, server.Server.RtspRejections[Engine.Server.RejectionReason.AccessDenied]);
        Assert.Equal((320, 240, "aac"), (relayed.Width, relayed.Height, relayed.AudioCodec));
        Assert.StartsWith("AAC-LC ", (await server.Published("relayed", Step)).AudioDescription);
        RtmpxCli.Terminate(run);
        await run.WaitForExitAsync(Step);
        Assert.DoesNotContain("play key", run.StandardErrorTail() + run.StandardOutputTail());
    }
}
