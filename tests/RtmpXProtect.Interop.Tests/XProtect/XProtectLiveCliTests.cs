using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>`rtmpx stream run --source xprotect:CAMERA`: a camera of the XProtect double, live, to real peers.</summary>
public class XProtectLiveCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task A_camera_goes_to_nginx_rtmp_as_h264_with_b_frames_as_recorded_and_silent_aac_through_a_token_refresh()
    {
        using var temp = new TempDirectory();
        var recording = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Avc, 20, Stamping.Arrival);
        await using var site = await XProtectSite.StartAsync(s =>
        {
            s.Cameras.Add(XProtectSite.Camera("Lobby", recording));
            s.Tokens.RecorderLifetime = TimeSpan.FromSeconds(6); // refreshed at half-way, twice in the pull below
        });
        await using var nginx = await NginxRtmp.StartAsync();
        var config = XProtectSite.WriteConfig(temp, site);
        await using var run = RtmpxCli.StartWithInput(nginx.Url("lobby") + "\n", "stream", "run", "--source", "xprotect:Lobby", "--config", config, "--to", "-");
        await nginx.WaitForPublishAsync("lobby", Step);

        var pulled = temp.File("pulled.flv");
        await DoubleMedia.RunAsync("ffmpeg", new[] { "-nostdin", "-v", "error", "-y", "-i", nginx.Url("lobby"), "-t", "9", "-c", "copy", "-f", "flv", pulled });
        var probe = await Ffprobe.ProbeAsync(pulled);
        RtmpxCli.Terminate(run);
        await run.WaitForExitAsync(Step);

        Assert.Equal("h264", probe.StreamOf("video")!.CodecName);
        Assert.Equal(320, probe.StreamOf("video")!.Width);
        Assert.Equal("aac", probe.StreamOf("audio")!.CodecName);
        var video = probe.PacketsOf("video");
        Assert.InRange(video.Count, 150, 260);
        Assert.Contains(video, p => p.Pts > p.Dts);
        probe.AssertDtsStrictlyIncreasing("video");
        probe.AssertPtsNotBeforeDts();

        // Each pulled GOP shows its pictures in the order and at the spacing ffmpeg encoded one of
        // the recorded GOPs (x264 places B-frames adaptively, so GOPs differ; the live feed loops).
        var recordedKeys = Enumerable.Range(0, recording.Count).Where(i => recording[i].IsKey).ToList();
        var recordedGops = recordedKeys.Zip(recordedKeys.Skip(1).Append(recording.Count), (a, b) => string.Join(",", recording.Skip(a).Take(b - a).Select(p => p.PresentationTime - recording[a].PresentationTime))).ToHashSet();
        var keys = Enumerable.Range(0, video.Count).Where(i => video[i].Keyframe).ToList();
        Assert.True(keys.Count >= 3, $"{keys.Count} key frames pulled");
        foreach (var (start, end) in keys.Zip(keys.Skip(1)))
        {
            var gop = string.Join(",", video.Skip(start).Take(end - start).Select(p => p.Pts!.Value - video[start].Pts!.Value));
            Assert.Contains(gop, recordedGops);
        }

        // The token was refreshed under the running socket, and no picture went missing around it.
        Assert.True(site.ConnectUpdates >= 1, "connectupdate sent");
        Assert.Equal(1, site.ImageServerConnections);
        // (Complete GOPs only: the pull starts and stops mid-GOP, where pictures it has refer to ones it has not.)
        var shown = video.Skip(keys[0]).Take(keys[^1] - keys[0]).Select(p => p.Pts!.Value).OrderBy(t => t).ToList();
        var steps = shown.Zip(shown.Skip(1), (a, b) => b - a).ToList();
        Assert.True(steps.Max() <= 40, $"largest step between shown pictures {steps.Max()} ms");
        XProtectSite.AssertNoSecret(site, run.StandardErrorTail() + run.StandardOutputTail());
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task An_h265_camera_arrives_as_enhanced_rtmp_hvc1_at_rtmpxs_own_player()
    {
        using var temp = new TempDirectory();
        var recording = await DoubleMedia.EncodeAsync(temp.Path, VideoCodec.Hevc, 10, Stamping.Presentation);
        await using var site = await XProtectSite.StartAsync(s => s.Cameras.Add(XProtectSite.Camera("Gate", recording)));
        await using var server = new InProcessServer();
        var config = XProtectSite.WriteConfig(temp, site);
        await using var run = RtmpxCli.StartWithInput(server.Url("gate") + "\n", "stream", "run", "--source", "xprotect:" + site.Cameras[0].Id, "--config", config, "--to", "-");
        var published = await server.Published("gate", Step);

        var played = temp.File("played.flv");
        await using var player = RtmpxCli.Start("play", server.Url("gate"), "--out", played, "--duration", "4");
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        RtmpxCli.Terminate(run);
        await run.WaitForExitAsync(Step);

        using var file = File.OpenRead(played);
        var reader = new FlvReader(file, WireLimits.Default);
        var tags = new List<FlvTag>();
        while (reader.ReadTag() is FlvTag tag)
        {
            tags.Add(tag);
        }

        var videoHeaders = tags.Where(t => t.Type == FlvTagType.Video).Select(t => VideoTagHeader.Parse(t.Body)).ToList();
        Assert.True(videoHeaders[0].IsSequenceHeader);
        Assert.All(videoHeaders, h => Assert.Equal(FourCc.Hvc1, h.FourCc));
        Assert.True(videoHeaders.Count(h => !h.IsSequenceHeader) > 50);
        Assert.Contains("320x240", published.VideoDescription);
        XProtectSite.AssertNoSecret(site, run.StandardErrorTail() + run.StandardOutputTail() + player.StandardErrorTail());
    }
}
