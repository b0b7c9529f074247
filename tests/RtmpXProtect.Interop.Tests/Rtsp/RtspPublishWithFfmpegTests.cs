using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>ffmpeg publishes over RTSP (ANNOUNCE, SETUP mode=record, RECORD); players take it over RTMP and RTSP.</summary>
public class RtspPublishWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static PeerProcess PublishRtsp(string flv, string url) => PeerProcess.Start("ffmpeg", new[]
    {
        "-nostdin", "-hide_banner", "-v", "error", "-re", "-i", flv, "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp", url,
    });

    [PeerFact("ffmpeg")]
    public async Task An_rtsp_publish_with_b_frames_plays_over_rtmp_with_every_frame_its_presentation_times_and_audio()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 4, bFrames: 2);
        var source = await Ffprobe.ProbeAsync(flv);
        await using var server = new InProcessServer(options: RtspServer.Options());
        var player = Ffmpeg.Play(server.Url("cam"), temp.File("played.flv"));
        await using (player)
        {
            await using var publisher = PublishRtsp(flv, RtspServer.Url(server, "live/cam"));
            var stream = await server.Published("cam", Step);
            Assert.True(0 == await publisher.WaitForExitAsync(Step), publisher.StandardErrorTail());
            await server.Unpublished("cam", Step);
            Assert.Equal(0, await player.WaitForExitAsync(Step));
            Assert.Contains("320x240", stream.VideoDescription);
        }

        var played = await Ffprobe.ProbeAsync(temp.File("played.flv"));
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(source.CountOf("video"), played.CountOf("video"));
        // ffmpeg's RTP muxer packs several AAC frames per packet and does not send the last partial packet.
        Assert.InRange(played.CountOf("audio"), source.CountOf("audio") - 4, source.CountOf("audio"));
        played.AssertDtsStrictlyIncreasing("video");
        played.AssertPtsNotBeforeDts();
        Assert.Equal(Relative(source.PacketsOf("video")), Relative(played.PacketsOf("video")));
    }

    [PeerFact("ffmpeg")]
    public async Task An_rtsp_publish_needs_the_publish_key_and_is_refused_401_without_it()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 2, bFrames: 0);
        var options = RtspServer.Options();
        var path = new AccessPath("live/cam");
        path.PublishKeys.Add("pub-key");
        options.Access = new AccessPolicy { Mode = AccessMode.Fixed };
        options.Access.Paths.Add(path);
        await using var server = new InProcessServer(options: options);

        await using (var refused = PublishRtsp(flv, RtspServer.Url(server, "live/cam")))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(Step));
            Assert.Contains("401", refused.StandardErrorTail());
        }

        await using var publisher = PublishRtsp(flv, $"rtsp://cam:pub-key@127.0.0.1:{server.Server.RtspLocalEndPoint.Port}/live/cam");
        await server.Published("cam", Step);
        Assert.True(0 == await publisher.WaitForExitAsync(Step), publisher.StandardErrorTail());
    }

    // Presentation times from the first frame's, in decode order.
    private static List<long> Relative(IReadOnlyList<ProbePacket> packets)
    {
        var first = packets[0].Pts!.Value;
        return packets.Select(p => p.Pts!.Value - first).ToList();
    }
}
