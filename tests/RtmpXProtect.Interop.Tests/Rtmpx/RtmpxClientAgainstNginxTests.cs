using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>rtmpx's client against nginx-rtmp, the server most RTMP setups run.</summary>
public sealed class RtmpxClientAgainstNginxTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task Ffmpeg_plays_from_nginx_what_the_rtmpx_client_publishes_there()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();

        // Player first: nginx keeps it waiting, so it sees the stream from the first keyframe.
        await using var player = Ffmpeg.Play(nginx.Url("cam1"), dir.File("played.flv"));
        await nginx.WaitForPlayAsync("cam1", Step);
        var sent = await FlvFilePublisher.PublishAsync(source, RtmpUrl.Parse(nginx.Url("cam1")), realtime: true).WaitAsync(Step);
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var expected = await Ffprobe.ProbeAsync(source);
        // The file also holds the sequence header and end-of-sequence tags that ffprobe does not count.
        Assert.InRange(sent.VideoFrames, expected.CountOf("video"), expected.CountOf("video") + 2);
        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        played.AssertDtsStrictlyIncreasing("video");
        played.AssertPtsNotBeforeDts();
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task The_rtmpx_client_plays_from_nginx_what_ffmpeg_publishes_there()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();

        var output = dir.File("played.flv");
        TransferSummary received;
        await using (var file = File.Create(output))
        {
            var play = StreamToFile.PlayAsync(RtmpUrl.Parse(nginx.Url("cam1")), file);
            await nginx.WaitForPlayAsync("cam1", Step);
            await using var publisher = Ffmpeg.Publish(source, nginx.Url("cam1"));
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));

            // nginx-rtmp tells players when the publisher leaves (UnpublishNotify), which ends the play.
            received = await play.WaitAsync(Step);
        }

        var expected = await Ffprobe.ProbeAsync(source);
        Assert.InRange(received.VideoFrames, expected.CountOf("video"), expected.CountOf("video") + 2);
        var played = await Ffprobe.ProbeAsync(output);
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        played.AssertDtsStrictlyIncreasing("video");
        played.AssertPtsNotBeforeDts();
    }
}
