using System;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Paths;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// A path fed by an RTSP camera that sends RTP over UDP only (gst-rtsp-server offering no TCP):
/// with sourceTransport udp it is pulled and plays over RTMP; with tcp it is refused, clearly.
/// </summary>
public class RtspPullOverUdpTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", GstRtspServer.Python)]
    public async Task A_camera_that_only_sends_over_udp_is_pulled_over_udp_and_plays_over_rtmp()
    {
        using var temp = new TempDirectory();
        await using var camera = await GstRtspServer.StartAsync(null, "camera", "se cret", protocols: "udp");
        var options = RtspServer.Options();
        options.PathSources.Add(new PathSourceOptions("live/gate", camera.Url("camera", "se cret"), onDemand: true, closeAfter: TimeSpan.FromSeconds(2), RtspSourceTransport.Udp));
        await using var server = new InProcessServer(options: options);
        var started = new TaskCompletionSource<Engine.Server.StreamEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Server.StreamStarted += e =>
        {
            if (e.Path == "live/gate")
            {
                started.TrySetResult(e);
            }
        };

        var played = temp.File("played.flv");
        await using (var player = RtmpxCli.Start("play", server.Url("gate"), "--out", played, "--duration", "4"))
        {
            Assert.True(0 == await player.WaitForExitAsync(Step), player.StandardErrorTail() + " camera: " + camera.Process.StandardErrorTail());
        }

        var source = (await started.Task.WaitAsync(Step)).PublisherAddress;
        Assert.EndsWith(" over UDP", source);
        Assert.DoesNotContain("se cret", source);
        Assert.DoesNotContain("camera@", source);

        var probe = await Ffprobe.ProbeAsync(played);
        Assert.Equal("h264", probe.StreamOf("video")?.CodecName);
        Assert.Equal("aac", probe.StreamOf("audio")?.CodecName);
        Assert.True(probe.CountOf("video") > 25, probe.CountOf("video") + " pictures");
        probe.AssertDtsStrictlyIncreasing("video");
    }

    [PeerFact(GstRtspServer.Python)]
    public async Task A_camera_that_only_sends_over_udp_refuses_tcp_with_a_message_that_names_the_key_to_change()
    {
        await using var camera = await GstRtspServer.StartAsync(null, protocols: "udp");
        await using var source = new RtspPullSource(camera.Url(), transport: RtspSourceTransport.Tcp);
        using var timeout = new CancellationTokenSource(Step);

        var e = await Assert.ThrowsAsync<FrameSourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(timeout.Token))
            {
            }
        });

        Assert.Contains("over TCP could not be played: the server refuses RTP over TCP (461 Unsupported Transport); set sourceTransport: udp", e.Message);
    }
}
