using System;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>GStreamer's rtspsrc, the RTSP client of many VMS and NVR pipelines, plays what ffmpeg publishes over RTMP.</summary>
public class RtspPlayWithGstreamerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerTheory("ffmpeg", "gst-launch-1.0")]
    [InlineData("tcp")]
    [InlineData("udp")]
    public async Task Rtspsrc_plays_video_and_audio_to_the_end_of_the_publish(string protocol)
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 4, bFrames: 2);
        var source = await Ffprobe.ProbeAsync(flv);
        await using var server = new InProcessServer(options: RtspServer.Options());
        await using var publisher = Ffmpeg.Publish(flv, server.Url("cam"));
        await server.Published("cam", Step);
        var output = temp.File("rtspsrc.ts");

        // The BYE the server sends when the publisher leaves is rtspsrc's end of stream: gst-launch exits 0.
        await using var player = PeerProcess.Start("gst-launch-1.0", new[]
        {
            "-q", "rtspsrc", "location=" + RtspServer.Url(server, "live/cam"), "protocols=" + protocol, "latency=0", "name=src",
            "src.", "!", "rtph264depay", "!", "h264parse", "!", "mux.",
            "src.", "!", "rtpmp4gdepay", "!", "aacparse", "!", "mux.",
            "mpegtsmux", "name=mux", "!", "filesink", "location=" + output,
        });

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.True(0 == await player.WaitForExitAsync(Step), player.StandardErrorTail() + player.StandardOutputTail());
        var played = await Ffprobe.ProbeAsync(output);
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(source.CountOf("video"), played.CountOf("video"));
    }
}
