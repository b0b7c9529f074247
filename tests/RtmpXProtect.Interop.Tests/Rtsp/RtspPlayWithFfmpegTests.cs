using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// A stream ffmpeg publishes over RTMP plays over RTSP: ffmpeg, as the RTSP client, records what
/// it gets and ffprobe compares it with what was published.
/// </summary>
public class RtspPlayWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerTheory("ffmpeg")]
    [InlineData("tcp")]
    [InlineData("udp")]
    public async Task An_rtmp_publish_with_b_frames_plays_over_rtsp_with_every_frame_and_its_presentation_times(string transport)
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 4, bFrames: 2);
        var source = await Ffprobe.ProbeAsync(flv);
        await using var server = new InProcessServer(options: RtspServer.Options());
        await using var publisher = Ffmpeg.Publish(flv, server.Url("cam"));
        await server.Published("cam", Step);

        // ffprobe reads until the server ends the session, when the publisher leaves.
        var played = await Ffprobe.ProbeAsync(RtspServer.Url(server, "live/cam"), "-rtsp_transport", transport);
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));

        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(source.CountOf("video"), played.CountOf("video"));
        // The encoder's last audio frames may end after the last video frame; nothing before the end is lost.
        Assert.InRange(played.CountOf("audio"), source.CountOf("audio") - 2, source.CountOf("audio"));
        // ffmpeg's H.264 parser gives the first picture of a stream without DTS no PTS (it infers
        // DTS from the reorder delay): every later one keeps its presentation time to the millisecond.
        var sourceVideo = source.PacketsOf("video");
        var playedVideo = played.PacketsOf("video");
        Assert.Equal(Relative(sourceVideo.Skip(1).ToList()), Relative(playedVideo.Skip(1).ToList(), perMillisecond: 90));

        // The sender reports put both tracks on one clock: audio stays where it was against video.
        var sourceOffset = sourceVideo[1].Pts!.Value - source.PacketsOf("audio")[0].Pts!.Value;
        var playedOffset = (playedVideo[1].Pts!.Value / 90.0) - (played.PacketsOf("audio")[0].Pts!.Value / 44.1);
        Assert.InRange(playedOffset, sourceOffset - 2, sourceOffset + 2);
    }

    [PeerFact("ffmpeg")]
    public async Task A_late_joiner_starts_at_once_from_the_cached_gop_with_its_key_frame()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 8, bFrames: 2, gop: 50);
        await using var server = new InProcessServer(options: RtspServer.Options());
        await using var publisher = Ffmpeg.Publish(flv, server.Url("cam"));
        var stream = await server.Published("cam", Step);
        var secondGop = new KeyFrameCounter(2);
        server.Server.Hub.Subscribe(stream.Key, secondGop);
        await secondGop.Reached.WaitAsync(Step);

        var played = await Ffprobe.ProbeAsync(RtspServer.Url(server, "live/cam"), "-rtsp_transport", "tcp");

        // Joined in the second GOP or later, it got that whole GOP first: whole GOPs only, from a key frame.
        var video = played.PacketsOf("video");
        Assert.True(video[0].Keyframe);
        Assert.InRange(video.Count, 50, 150);
        Assert.Equal(0, video.Count % 50);
    }

    // Presentation times from the first frame's, in milliseconds, in decode order: B-frames make them
    // non-monotonic. FLV counts in 1/1000 s, RTP video in 1/90000 s.
    private static List<long> Relative(IReadOnlyList<ProbePacket> packets, long perMillisecond = 1)
    {
        var first = packets[0].Pts!.Value;
        return packets.Select(p => (long)Math.Round((p.Pts!.Value - first) / (double)perMillisecond)).ToList();
    }
}

/// <summary>The RTSP endpoint of an in-process server for the interop tests.</summary>
internal static class RtspServer
{
    /// <summary>Options with RTMP and RTSP on ephemeral loopback ports and limits for a test's burst of peers.</summary>
    public static RtmpServerOptions Options() => new RtmpServerOptions
    {
        Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
        RtspEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
        Admission = new AdmissionLimits { MaxConnectionsPerAddress = 100_000, NewConnectionsPerSecondPerAddress = 100_000, MaxUndecidedConnections = 100_000 },
    };

    public static string Url(InProcessServer server, string path) => $"rtsp://127.0.0.1:{server.Server.RtspLocalEndPoint.Port}/{path}";
}

/// <summary>A subscriber that completes once it has seen a number of key frames.</summary>
internal sealed class KeyFrameCounter : IMediaSink
{
    private readonly int _wanted;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _seen;

    public KeyFrameCounter(int wanted) => _wanted = wanted;

    public Task Reached => _reached.Task;

    public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
    {
        foreach (var frame in cached)
        {
            OnFrame(frame);
        }
    }

    public void OnFrame(MediaFrame frame)
    {
        if (frame.Kind == FrameKind.VideoKeyFrame && ++_seen >= _wanted)
        {
            _reached.TrySetResult();
        }
    }

    public void OnStop()
    {
    }
}
