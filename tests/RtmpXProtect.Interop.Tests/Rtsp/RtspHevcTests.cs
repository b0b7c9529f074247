using System;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.Interop.Tests.XProtect;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>H.265 over RTSP (RFC 7798): a libx265 camera that rtmpx's streamer publishes as Enhanced RTMP hvc1.</summary>
public class RtspHevcTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task An_hvc1_publish_plays_over_rtsp_as_h265_with_its_key_frames()
    {
        using var temp = new TempDirectory();
        var recording = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Hevc, 10, Stamping.Presentation);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(XProtectSite.Camera("Gate", recording)));
        await using var server = new InProcessServer(options: RtspServer.Options());
        var config = XProtectSite.WriteConfig(temp, site);
        await using var run = RtmpxCli.StartWithInput(server.Url("gate") + "\n", "stream", "run", "--source", "xprotect:" + site.Cameras[0].Id, "--config", config, "--to", "-");
        await server.Published("gate", Step);

        var played = await Ffprobe.ProbeAsync(RtspServer.Url(server, "live/gate"), "-rtsp_transport", "tcp", "-read_intervals", "%+4");
        RtmpxCli.Terminate(run);
        await run.WaitForExitAsync(Step);

        Assert.Equal("hevc", played.StreamOf("video")?.CodecName);
        Assert.Equal(320, played.StreamOf("video")?.Width);
        var video = played.PacketsOf("video");
        Assert.True(video.Count > 50, video.Count + " pictures");
        Assert.True(video[0].Keyframe);
        Assert.True(video.Count(p => p.Keyframe) >= 2);
    }
}
