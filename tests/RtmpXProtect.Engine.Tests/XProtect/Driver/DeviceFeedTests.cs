using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server;
using RtmpXProtect.Engine.XProtect.Driver;
using Xunit;
using static RtmpXProtect.Engine.Tests.XProtect.Driver.DriverFrames;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class DeviceFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _now = Start;

    private DeviceFeed Feed(bool audio = false, int capacity = DeviceFeed.DefaultCapacity) => new(audio, capacity, () => _now);

    private static List<DriverFrame> Drain(DeviceFeed feed)
    {
        var frames = new List<DriverFrame>();
        while (feed.TryGetFrame(TimeSpan.Zero, out var frame))
        {
            frames.Add(frame!);
        }

        return frames;
    }

    [Fact]
    public void A_joining_session_gets_the_cached_gop_with_sequence_sync_times_and_presentation_times()
    {
        var feed = Feed();
        feed.OnStart(new[] { Config(), Picture(1000, key: true, composition: 80), Picture(1040, key: false, composition: 120) }, newPublisher: false);
        feed.OnFrame(Picture(1080, key: false, composition: 0));

        var frames = Drain(feed);

        Assert.True(feed.IsOnline);
        Assert.Equal(new ushort[] { 0, 1, 2 }, frames.Select(f => f.SequenceNumber));
        Assert.Equal(new[] { true, false, false }, frames.Select(f => f.IsSync));
        Assert.All(frames, f => Assert.Equal(VideoCodec.Avc, f.VideoCodec));
        Assert.Equal(new[] { 80.0, 160, 80 }, frames.Select(f => (f.Time - Start).TotalMilliseconds));
        Assert.All(frames, f => Assert.Equal(Start.AddMilliseconds(80), f.SyncTime));
        Assert.Equal(AnnexB(Sps, Pps, Slice(true)), frames[0].Data);
    }

    [Fact]
    public void Nothing_comes_before_a_key_frame_or_while_offline()
    {
        var feed = Feed();
        feed.OnStart(Array.Empty<MediaFrame>(), newPublisher: true);
        feed.OnFrame(Config());
        feed.OnFrame(Picture(0, key: false));
        Assert.False(feed.TryGetFrame(TimeSpan.Zero, out _));

        feed.OnStop();
        feed.OnFrame(Picture(40, key: true));
        Assert.False(feed.IsOnline);
        Assert.Single(Drain(feed)); // a frame the hub delivered is still the publisher's; nothing is made up
    }

    [Fact]
    public void A_session_that_does_not_pull_loses_whole_gops_oldest_first()
    {
        var feed = Feed(capacity: 10);
        feed.OnStart(new[] { Config() }, newPublisher: true);
        for (int i = 0; i < 25; i++)
        {
            feed.OnFrame(Picture((uint)(i * 40), key: i % 5 == 0));
        }

        var frames = Drain(feed);

        Assert.True(frames[0].IsSync, "what is left starts at a key frame");
        Assert.InRange(frames.Count, 6, 10);
        Assert.Equal(25 - frames.Count, feed.Dropped);
        Assert.Equal(24, frames[^1].SequenceNumber);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_waiting_session_is_handed_the_frame_that_arrives()
    {
        var feed = Feed();
        feed.OnStart(new[] { Config() }, newPublisher: true);
        var waiting = System.Threading.Tasks.Task.Run(() => (feed.TryGetFrame(TimeSpan.FromSeconds(30), out var frame), frame));

        feed.OnFrame(Picture(0, key: true));

        var (got, frame) = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(got);
        Assert.True(frame!.IsSync);
    }

    [Fact]
    public void The_microphone_feed_gives_adts_aac_on_the_same_wall_clock()
    {
        var feed = Feed(audio: true);
        feed.OnStart(new[] { Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()) }, newPublisher: true);
        feed.OnFrame(Frames.Frame(MessageType.Audio, 0, Frames.Aac(7)));
        _now = Start.AddMilliseconds(600); // arrived late, within the drift bound
        feed.OnFrame(Frames.Frame(MessageType.Audio, 23, Frames.Aac(8)));
        feed.OnFrame(Picture(40, key: true));

        var frames = Drain(feed);

        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.True(f.IsAudio && f.IsSync));
        Assert.Equal(new byte[] { 0xFF, 0xF1 }, frames[0].Data.Take(2));
        Assert.Equal(new byte[] { 7, 7, 7 }, frames[0].Data.Skip(AdtsHeader.Length));
        Assert.Equal(Start.AddMilliseconds(23), frames[1].Time); // the stream's time, not the arrival
    }

    [Fact]
    public void A_raw_microphone_feed_gives_the_bare_access_units_with_rate_and_channels()
    {
        var feed = new DeviceFeed(audio: true, now: () => _now, framing: AacFraming.Raw);
        feed.OnStart(new[] { Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()) }, newPublisher: true);
        feed.OnFrame(Frames.Frame(MessageType.Audio, 0, Frames.Aac(7)));
        feed.OnFrame(Picture(40, key: true));

        var frame = Assert.Single(Drain(feed));

        Assert.Equal(new byte[] { 7, 7, 7 }, frame.Data);
        Assert.Equal(44100, frame.SampleRate);
        Assert.Equal(2, frame.Channels);
    }

    [Fact]
    public void Video_frames_carry_no_audio_rate()
    {
        var feed = Feed();
        feed.OnStart(new[] { Config(), Picture(0, key: true) }, newPublisher: true);

        var frame = Assert.Single(Drain(feed));

        Assert.Equal(0, frame.SampleRate);
        Assert.Equal(0, frame.Channels);
    }
}
