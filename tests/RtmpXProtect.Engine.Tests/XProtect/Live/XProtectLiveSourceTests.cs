using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Tests.Media;
using RtmpXProtect.Engine.Tests.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Live;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Live;

public sealed class XProtectLiveSourceTests
{
    private const long Start = 1_767_225_600_000;

    [Theory]
    [InlineData(Stamping.Arrival)]
    [InlineData(Stamping.Presentation)]
    public async Task A_camera_arrives_as_avc_with_the_composition_times_the_encoder_made(Stamping stamping)
    {
        var vector = EncodedVector.H264;
        await using var site = await Site(vector, stamping);
        var source = new XProtectLiveSource("Lobby", Options(site));

        var frames = await Take(source, 49, TimeSpan.FromSeconds(20));

        var header = VideoTagHeader.Parse(frames[0].Payload.Span);
        Assert.True(header.IsSequenceHeader);
        Assert.Equal(VideoCodec.Avc, header.Codec);
        var coded = frames.Skip(1).ToList();
        Assert.True(VideoTagHeader.Parse(coded[0].Payload.Span).IsKeyFrame);

        // The live feed starts at a GOP; within it each picture's pts - dts must rank the pictures as ffmpeg did.
        var gop = coded.Take(24).ToList();
        var shown = gop.Select(f => f.Timestamp + VideoTagHeader.Parse(f.Payload.Span).CompositionTime).ToList();
        var start = vector.PresentationTimes.Take(24).ToList();
        Assert.Equal(start.Select(t => t - start.Min()), shown.Select(t => t - shown.Min()));
        Assert.All(coded.Zip(coded.Skip(1)), p => Assert.InRange((long)p.Second.Timestamp - p.First.Timestamp, 0L, 60L));
    }

    [Fact]
    public async Task The_token_is_refreshed_under_the_running_socket_without_a_gap()
    {
        var vector = EncodedVector.H264;
        await using var site = await Site(vector, Stamping.Arrival, s => s.Tokens.RecorderLifetime = TimeSpan.FromSeconds(3));
        var options = Options(site);
        options.Server.RefreshMargin = TimeSpan.FromSeconds(1);
        var source = new XProtectLiveSource("Lobby", options);

        var frames = await Take(source, 25 * 5, TimeSpan.FromSeconds(30));

        Assert.True(site.ConnectUpdates >= 1, "the refreshed token went to the open socket");
        Assert.True(source.TokenUpdates >= 1);
        Assert.Equal(1, site.ImageServerConnections);
        var gaps = frames.Skip(1).Zip(frames.Skip(2), (a, b) => (long)b.Timestamp - a.Timestamp).ToList();
        Assert.True(gaps.Max() <= 80, $"largest gap {gaps.Max()} ms");
    }

    [Fact]
    public async Task A_lost_recorder_ends_the_read_with_a_source_error_and_the_next_read_connects_again()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Arrival);
        site.Faults.DropLiveAfterPictures = 30;
        var source = new XProtectLiveSource("Lobby", Options(site));

        var lost = await Assert.ThrowsAsync<FrameSourceException>(() => Take(source, 1000, TimeSpan.FromSeconds(20)));
        var again = await Take(source, 30, TimeSpan.FromSeconds(20));

        Assert.Contains("closed the connection", lost.Message);
        Assert.Equal(30, again.Count);
        Assert.Equal(2, site.ImageServerConnections);
    }

    [Fact]
    public async Task An_unknown_camera_or_a_wrong_password_is_a_source_error_naming_no_secret()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Arrival);
        var options = Options(site);

        var unknown = await Assert.ThrowsAsync<FrameSourceException>(() => Take(new XProtectLiveSource("Roof", options), 1, TimeSpan.FromSeconds(10)));
        options.Server.Password = "not-it";
        var refused = await Assert.ThrowsAsync<FrameSourceException>(() => Take(new XProtectLiveSource("Lobby", options), 1, TimeSpan.FromSeconds(10)));

        Assert.Contains("no camera named 'Roof'", unknown.Message);
        Assert.Contains("refused the login of operator", refused.Message);
        Assert.DoesNotContain("not-it", refused.ToString());
    }

    [Fact]
    public async Task A_camera_the_recorder_reports_lost_sends_no_pictures_and_says_so()
    {
        await using var site = await Site(EncodedVector.H264, Stamping.Arrival, s => s.LiveStatusInterval = TimeSpan.FromMilliseconds(200));
        site.Cameras[0].Disconnected = true;
        var source = new XProtectLiveSource("Lobby", Options(site));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var frames = new List<MediaFrame>();
        var reading = Task.Run(async () =>
        {
            await foreach (var frame in source.ReadAsync(stop.Token))
            {
                frames.Add(frame);
            }
        });

        await WaitUntil(() => source.CameraDisconnected, TimeSpan.FromSeconds(10));
        site.Cameras[0].Disconnected = false;
        await WaitUntil(() => frames.Count > 0, TimeSpan.FromSeconds(10));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        Assert.False(source.CameraDisconnected);
    }

    internal static Task<XProtectDoubleServer> Site(EncodedVector vector, Stamping stamping, Action<XProtectDoubleServer>? configure = null) =>
        XProtectSessionTests.Site(s =>
        {
            var once = XProtectDouble.Recordings.FromElementaryStream(vector.Stream, vector.Codec, vector.PresentationTimes, Start, stamping);
            s.Cameras.Add(new DoubleCamera("Lobby", XProtectDouble.Recordings.Repeat(once, 10, 1920)));
            configure?.Invoke(s);
        });

    internal static XProtectSourceOptions Options(XProtectDoubleServer site) => new() { Server = XProtectSessionTests.Options(site) };

    private static async Task<List<RtmpMessage>> Take(XProtectLiveSource source, int count, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        var frames = new List<RtmpMessage>();
        await foreach (var frame in source.ReadAsync(stop.Token))
        {
            frames.Add(frame.Message);
            if (frames.Count == count)
            {
                break;
            }
        }

        return frames;
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(20, stop.Token);
        }
    }
}
