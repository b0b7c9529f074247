using System;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming.Paths;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// A path fed by an RTSP camera (gst-rtsp-server) on demand: nothing is pulled until a reader comes,
/// RTMP and RTSP readers start it, and the camera is let go a while after the last reader left.
/// </summary>
public class OnDemandPathTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", GstRtspServer.Python)]
    public async Task An_on_demand_camera_is_pulled_for_its_readers_over_rtmp_and_rtsp_and_let_go_after_the_last_left()
    {
        using var temp = new TempDirectory();
        await using var camera = await GstRtspServer.StartAsync(null, "camera", "se cret");
        var options = RtspServer.Options();
        options.PathSources.Add(new PathSourceOptions("live/gate", camera.Url("camera", "se cret"), onDemand: true, closeAfter: TimeSpan.FromSeconds(2)));
        await using var server = new InProcessServer(options: options);

        // Nothing connects to the camera before a reader comes.
        Assert.Null(server.Server.Hub.Find("live/gate"));

        var played = temp.File("played.flv");
        await using (var player = RtmpxCli.Start("play", server.Url("gate"), "--out", played, "--duration", "3"))
        {
            await camera.Process.WaitForOutputAsync(l => l == "connected", Step);
            Assert.True(0 == await player.WaitForExitAsync(Step), player.StandardErrorTail());
        }

        var probe = await Ffprobe.ProbeAsync(played);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.True(probe.CountOf("video") > 25, probe.CountOf("video") + " pictures");

        // The last reader left: within the close delay (and a sweep or two) the camera is let go.
        await camera.Process.WaitForOutputAsync(l => l == "disconnected", Step);
        await server.Unpublished("gate", Step);

        // An RTSP reader starts it again: its DESCRIBE waits for the camera.
        var overRtsp = await Ffprobe.ProbeAsync(RtspServer.Url(server, "live/gate"), "-rtsp_transport", "tcp", "-read_intervals", "%+2");
        Assert.Equal("h264", overRtsp.StreamOf("video")?.CodecName);
        Assert.Equal("aac", overRtsp.StreamOf("audio")?.CodecName);

        // The RTSP reader left too (its session is unsubscribed at its end): the camera is let go again.
        var disconnects = 0;
        await camera.Process.WaitForOutputAsync(l => l == "disconnected" && ++disconnects == 2, Step);
        Assert.DoesNotContain(server.Server.GetStatus().Sessions, s => s.Path == "live/gate" && s.Role == Engine.Status.SessionRole.Player);
    }
}
