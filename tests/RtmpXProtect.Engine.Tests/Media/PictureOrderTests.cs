using System;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Media;

public sealed class PictureOrderTests
{
    public static TheoryData<string> Vectors => new() { "h264-bframes", "hevc-bframes", "hevc-open-gop" };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void An_elementary_stream_splits_into_one_access_unit_per_coded_picture(string name)
    {
        var vector = Vector(name);

        var units = vector.AccessUnits();

        Assert.Equal(vector.PresentationTimes.Length, units.Count);
        Assert.Equal(vector.Stream.Length, units.Sum(u => u.Length));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Picture_order_counts_put_pictures_in_the_order_ffmpeg_presents_them(string name)
    {
        var vector = Vector(name);
        IPictureOrderReader reader = vector.Codec == VideoCodec.Avc ? new AvcPictureOrder() : new HevcPictureOrder();

        var orders = vector.AccessUnits().Select(u => reader.Read(u)).ToList();

        Assert.All(orders, o => Assert.True(o.FromBitstream));
        Assert.True(orders[0].RandomAccess);
        // Within the stream the counts rise across random access points only by restarting, so
        // compare inside each sequence: from one IDR to the next (or across the CRA, whose count goes on).
        var sequences = Sequences(orders);
        foreach (var (start, length) in sequences)
        {
            var byCount = Enumerable.Range(start, length).OrderBy(i => orders[i].Count).ToArray();
            var byTime = Enumerable.Range(start, length).OrderBy(i => vector.PresentationTimes[i]).ToArray();
            Assert.Equal(byTime, byCount);
        }

        Assert.NotEqual(Enumerable.Range(0, orders.Count), Enumerable.Range(0, orders.Count).OrderBy(i => vector.PresentationTimes[i]));
    }

    [Fact]
    public void The_h264_frame_duration_comes_from_the_sps_timing_info()
    {
        var stream = EncodedVector.H264.Stream;
        var sps = AnnexB.FindNalUnits(stream).Select(u => stream.AsSpan(u.Offset, u.Length).ToArray()).First(n => (n[0] & 0x1F) == 7);

        Assert.Equal(TimeSpan.FromMilliseconds(40), AvcSps.Parse(sps).FrameDuration);
    }

    [Fact]
    public void The_h265_frame_duration_comes_from_the_sps_vui_timing_info()
    {
        var stream = EncodedVector.Hevc.Stream;
        var sps = AnnexB.FindNalUnits(stream).Select(u => stream.AsSpan(u.Offset, u.Length).ToArray()).First(n => ((n[0] >> 1) & 0x3F) == 33);

        Assert.Equal(TimeSpan.FromMilliseconds(40), HevcSps.Parse(sps).FrameDuration);
    }

    [Fact]
    public void Damaged_or_unknown_access_units_fall_back_to_decode_order_without_throwing()
    {
        var reader = new AvcPictureOrder();
        var random = new Random(5);
        var units = EncodedVector.H264.AccessUnits();

        var first = reader.Read(new byte[] { 0, 0, 1, 0x41, 0x9A });
        for (int i = 0; i < 500; i++)
        {
            var unit = (byte[])units[random.Next(units.Count)].Clone();
            for (int j = 0; j < 4; j++)
            {
                unit[random.Next(unit.Length)] = (byte)random.Next(256);
            }

            reader.Read(unit);
            new HevcPictureOrder().Read(unit);
        }

        Assert.False(first.FromBitstream);
    }

    private static EncodedVector Vector(string name) => name switch
    {
        "h264-bframes" => EncodedVector.H264,
        "hevc-bframes" => EncodedVector.Hevc,
        _ => EncodedVector.HevcOpenGop,
    };

    // A new sequence starts where the count restarts (it falls back to 0 at an IDR).
    private static (int Start, int Length)[] Sequences(System.Collections.Generic.List<PictureOrder> orders)
    {
        var starts = Enumerable.Range(0, orders.Count).Where(i => i == 0 || (orders[i].RandomAccess && orders[i].Count == 0)).ToList();
        starts.Add(orders.Count);
        return starts.Zip(starts.Skip(1), (a, b) => (a, b - a)).ToArray();
    }
}
