using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Engine.Tests.Media;
using RtmpXProtect.Engine.XProtect.Timing;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Timing;

public sealed class PresentationTimelineTests
{
    private const long Base = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    public static TheoryData<string> Vectors => new() { "h264-bframes", "hevc-bframes", "hevc-open-gop" };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Pictures_stamped_with_their_presentation_times_keep_them_exactly(string name)
    {
        var vector = Vector(name);

        var timed = Run(vector, i => Base + vector.PresentationTimes[i], frameDuration: null);

        Assert.Equal(vector.PresentationTimes.Select(t => Base + t), timed.Select(t => t.PresentationTime));
        AssertDecodeTimesValid(timed);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Pictures_stamped_with_bunched_arrival_times_get_their_presentation_times_back_from_the_bitstream(string name)
    {
        var vector = Vector(name);

        // A B-frame cannot leave the encoder before the later picture it refers to: arrival is the running maximum.
        var timed = Run(vector, i => Base + vector.PresentationTimes.Take(i + 1).Max(), FrameDuration(vector));

        Assert.Equal(vector.PresentationTimes.Select(t => Base + t), timed.Select(t => t.PresentationTime));
        AssertDecodeTimesValid(timed);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Without_sps_timing_the_interval_comes_from_the_stamps_over_the_picture_order_counts(string name)
    {
        var vector = Vector(name);

        var timed = Run(vector, i => Base + vector.PresentationTimes.Take(i + 1).Max(), frameDuration: null);

        Assert.Equal(vector.PresentationTimes.Select(t => Base + t), timed.Select(t => t.PresentationTime));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decode_times_step_by_one_frame_and_lead_by_the_reorder_depth_as_ffmpeg_writes_them(string name)
    {
        var vector = Vector(name);

        var timed = Run(vector, i => Base + vector.PresentationTimes[i], frameDuration: null);

        Assert.All(timed.Zip(timed.Skip(1)), p => Assert.Equal(40, p.Second.DecodeTime - p.First.DecodeTime));
        Assert.Equal(Base - 80, timed[0].DecodeTime);
    }

    [Fact]
    public void Pictures_without_reordering_keep_their_stamps_and_decode_when_shown()
    {
        var timeline = new PresentationTimeline<int>();
        var stamps = new long[] { 1000, 1040, 1081, 1120, 1160, 1200, 1240 };
        var timed = new List<TimedPicture<int>>();
        for (int i = 0; i < stamps.Length; i++)
        {
            timed.AddRange(timeline.Push(i, stamps[i], key: i % 3 == 0, new PictureOrder(i, i % 3 == 0, fromBitstream: false)));
        }

        timed.AddRange(timeline.Flush());

        Assert.Equal(stamps, timed.Select(t => t.PresentationTime));
        Assert.Equal(stamps, timed.Select(t => t.DecodeTime));
        Assert.Equal(0, timeline.SpreadGops);
    }

    [Fact]
    public void A_stream_without_key_frames_is_released_as_it_goes_and_never_held_whole()
    {
        var timeline = new PresentationTimeline<int>();
        int released = 0;
        for (int i = 0; i < 5000; i++)
        {
            released += timeline.Push(i, 1000 + (i * 40L), key: i == 0, new PictureOrder(i, i == 0, fromBitstream: false)).Count;
            Assert.True(i - released < 16, $"{i - released} pictures held at {i}");
        }

        Assert.Equal(5000, released + timeline.Flush().Count);
    }

    [Fact]
    public void Times_never_go_back_when_a_gop_is_stamped_before_the_previous_one_ended()
    {
        var timeline = new PresentationTimeline<int>();
        var timed = new List<TimedPicture<int>>();
        long[] stamps = { 1000, 1040, 1080, 1060, 1100 };
        for (int i = 0; i < stamps.Length; i++)
        {
            timed.AddRange(timeline.Push(i, stamps[i], key: i == 0 || i == 3, new PictureOrder(i, false, false)));
        }

        timed.AddRange(timeline.Flush());

        var times = timed.Select(t => t.PresentationTime).ToList();
        Assert.Equal(times.OrderBy(t => t), times);
        Assert.Equal(times.Distinct(), times);
    }

    private static List<TimedPicture<int>> Run(EncodedVector vector, Func<int, long> stamp, TimeSpan? frameDuration)
    {
        var units = vector.AccessUnits();
        IPictureOrderReader orders = vector.Codec == VideoCodec.Avc ? new AvcPictureOrder() : new HevcPictureOrder();
        var timeline = new PresentationTimeline<int> { FrameDuration = frameDuration };
        var timed = new List<TimedPicture<int>>();
        for (int i = 0; i < units.Count; i++)
        {
            var order = orders.Read(units[i]);
            timed.AddRange(timeline.Push(i, stamp(i), order.RandomAccess, order));
        }

        timed.AddRange(timeline.Flush());
        Assert.Equal(Enumerable.Range(0, units.Count), timed.Select(t => t.Item));
        return timed;
    }

    private static TimeSpan? FrameDuration(EncodedVector vector)
    {
        var nal = AnnexB.FindNalUnits(vector.Stream).Select(u => vector.Stream.AsSpan(u.Offset, u.Length).ToArray())
            .First(n => vector.Codec == VideoCodec.Avc ? (n[0] & 0x1F) == 7 : ((n[0] >> 1) & 0x3F) == 33);
        return vector.Codec == VideoCodec.Avc ? AvcSps.Parse(nal).FrameDuration : HevcSps.Parse(nal).FrameDuration;
    }

    private static void AssertDecodeTimesValid(List<TimedPicture<int>> timed)
    {
        Assert.All(timed, t => Assert.True(t.DecodeTime <= t.PresentationTime, $"picture {t.Item} decodes at {t.DecodeTime} after it is shown at {t.PresentationTime}"));
        Assert.All(timed.Zip(timed.Skip(1)), p => Assert.True(p.Second.DecodeTime > p.First.DecodeTime, $"decode time {p.Second.DecodeTime} of picture {p.Second.Item} does not follow {p.First.DecodeTime}"));
    }

    private static EncodedVector Vector(string name) => name switch
    {
        "h264-bframes" => EncodedVector.H264,
        "hevc-bframes" => EncodedVector.Hevc,
        _ => EncodedVector.HevcOpenGop,
    };
}
