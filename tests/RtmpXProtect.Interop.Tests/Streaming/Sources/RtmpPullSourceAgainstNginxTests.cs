using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming.Sources;

/// <summary>The pull source against nginx-rtmp, with ffmpeg publishing there.</summary>
public sealed class RtmpPullSourceAgainstNginxTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task Yields_every_frame_ffmpeg_publishes_and_ends_when_ffmpeg_stops()
    {
        using var dir = new TempDirectory();
        var file = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 3, bFrames: 2);
        var expected = await Ffprobe.ProbeAsync(file);
        await using var nginx = await NginxRtmp.StartAsync();

        var source = FrameSources.Create(nginx.Url("cam1"), new FrameSourceContext());
        Assert.Equal($"rtmp://127.0.0.1:{nginx.Port}/live/****", source.Description);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = Task.Run(async () =>
        {
            var frames = new List<MediaFrame>();
            await foreach (var frame in source.ReadAsync(cancel.Token))
            {
                frames.Add(frame);
            }

            return frames;
        });

        // Player first: nginx keeps it waiting, so it sees the stream from its first frame.
        await nginx.WaitForPlayAsync("cam1", Step);
        await using var publisher = Ffmpeg.Publish(file, nginx.Url("cam1"));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        var frames = await reading.WaitAsync(Step);

        // ffmpeg ends an H.264 FLV with an end-of-sequence tag, no packet for ffprobe; nginx passes it
        // on only when it arrives before the unpublish, so it is left out of the count.
        var video = frames.Where(f => f.Kind == FrameKind.Video || f.Kind == FrameKind.VideoKeyFrame).ToList();
        Assert.Equal(expected.CountOf("video"), video.Count(f => VideoTagHeader.Parse(f.Message.Payload.Span).PacketKind != VideoPacketKind.SequenceEnd));
        // nginx-rtmp itself holds back a few audio frames at the start (127 of 131 seen), so audio is checked within 5 %.
        int audio = expected.CountOf("audio");
        Assert.InRange(frames.Count(f => f.Kind == FrameKind.Audio), audio - (audio / 20), audio);
        Assert.Contains(frames, f => f.Kind == FrameKind.VideoConfig);
        Assert.Contains(frames, f => f.Kind == FrameKind.AudioConfig);
        Assert.Contains(frames, f => f.Kind == FrameKind.Metadata);
    }
}
