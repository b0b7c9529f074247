using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Media.Mp4;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Media;

public sealed class Mp4WriterTests : IDisposable
{
    private static readonly Mp4VideoTrack Track = new(Mp4Codec.Avc, 320, 240, new byte[] { 1, 0x42, 0, 0x1E, 0xFF, 0xE0, 0 });
    private readonly string _folder = Directory.CreateTempSubdirectory("rtmpx-mp4-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false, "stco")]
    [InlineData(true, "co64")]
    public void Chunk_offsets_point_at_the_samples_in_32_or_past_4_GiB_64_bits(bool large, string box)
    {
        var path = Path.Combine(_folder, box + ".mp4");
        var samples = Enumerable.Range(1, 5).Select(i => Enumerable.Repeat((byte)(0x10 * i), 100 + i).ToArray()).ToList();
        using (var writer = new Mp4FileWriter(path, Track, DateTimeOffset.UnixEpoch) { LargeFileThreshold = large ? 0 : uint.MaxValue })
        {
            for (int i = 0; i < samples.Count; i++)
            {
                writer.Write(samples[i], i * 40, (i * 40) + 80, sync: i == 0);
            }

            writer.Complete(40);
        }

        var file = File.ReadAllBytes(path);
        var offsets = ChunkOffsets(file, box);
        Assert.Single(offsets);
        Assert.Equal(samples[0], file.AsSpan((int)offsets[0], samples[0].Length).ToArray());
        Assert.Equal(samples[4], file.AsSpan(file.Length - samples[4].Length).ToArray());
        Assert.True(Find(file, "moov") < Find(file, "mdat"), "the movie box comes first");
    }

    [Fact]
    public void Decode_and_composition_runs_wait_in_side_files_and_come_out_as_written()
    {
        // Millisecond recorder times at 30 fps (33, 33, 34 ms) and B-frame offsets change run at almost every sample.
        var path = Path.Combine(_folder, "runs.mp4");
        long[] dts = { 0, 33, 66, 100, 133, 166, 200 };
        long[] shown = { 66, 133, 100, 200, 166, 233, 266 };
        using (var writer = new Mp4FileWriter(path, Track, DateTimeOffset.UnixEpoch))
        {
            for (int i = 0; i < dts.Length; i++)
            {
                writer.Write(new byte[] { (byte)i }, dts[i], shown[i], sync: i == 0);
            }

            Assert.True(File.Exists(path + ".stts") && File.Exists(path + ".ctts"), "the tables grow on disk, not in memory");
            writer.Complete(33);
        }

        var file = File.ReadAllBytes(path);
        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        var ticks = 90L; // per millisecond at the 90 kHz media timescale
        Assert.Equal(new (long, long)[] { (2, 33 * ticks), (1, 34 * ticks), (2, 33 * ticks), (1, 34 * ticks), (1, 33 * ticks) }, Runs(file, "stts"));
        Assert.Equal(new (long, long)[] { (1, 66 * ticks), (1, 100 * ticks), (1, 34 * ticks), (1, 100 * ticks), (1, 33 * ticks), (1, 67 * ticks), (1, 66 * ticks) }, Runs(file, "ctts"));
    }

    [Fact]
    public void Samples_out_of_order_or_shown_before_decoded_are_refused()
    {
        using var writer = new Mp4FileWriter(Path.Combine(_folder, "bad.mp4"), Track, DateTimeOffset.UnixEpoch);
        writer.Write(new byte[] { 1 }, 100, 100, sync: true);

        Assert.Throws<ArgumentException>(() => writer.Write(new byte[] { 2 }, 100, 140, sync: false));
        Assert.Throws<ArgumentException>(() => writer.Write(new byte[] { 3 }, 140, 120, sync: false));
    }

    [Fact]
    public void A_gap_longer_than_a_sample_can_last_is_refused_with_a_clear_reason()
    {
        using var writer = new Mp4FileWriter(Path.Combine(_folder, "gap.mp4"), Track, DateTimeOffset.UnixEpoch);
        writer.Write(new byte[] { 1 }, 0, 0, sync: true);
        writer.Write(new byte[] { 2 }, 40, 40, sync: true);

        var error = Assert.Throws<ArgumentException>(() => writer.Write(new byte[] { 3 }, (long)TimeSpan.FromHours(14).TotalMilliseconds, (long)TimeSpan.FromHours(14).TotalMilliseconds, sync: true));

        Assert.Contains("longer than an MP4 sample can last", error.Message);
    }

    [Fact]
    public void A_fragmented_file_is_readable_after_each_gop_without_being_completed()
    {
        var path = Path.Combine(_folder, "frag.mp4");
        var writer = new FragmentedMp4Writer(path, Track, DateTimeOffset.UnixEpoch);
        for (int i = 0; i < 75; i++)
        {
            writer.Write(new byte[] { (byte)i, 1, 2 }, i * 40, i * 40, sync: i % 25 == 0);
        }

        // Not completed (a crash): the first two GOPs are complete fragments on disk.
        using (var copy = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var bytes = new byte[copy.Length];
            copy.ReadExactly(bytes);
            Assert.Equal(2, Count(bytes, "moof"));
            Assert.Equal(2u, writer.Fragments);
        }

        writer.Complete(40);
        writer.Dispose();
        Assert.Equal(3, Count(File.ReadAllBytes(path), "moof"));
    }

    private static List<long> ChunkOffsets(byte[] file, string box)
    {
        int at = Find(file, box) + 4 + 4; // type, version and flags
        int count = (int)Big(file, at, 4);
        return Enumerable.Range(0, count).Select(i => box == "co64" ? Big(file, at + 4 + (i * 8), 8) : Big(file, at + 4 + (i * 4), 4)).ToList();
    }

    private static List<(long Count, long Value)> Runs(byte[] file, string box)
    {
        int at = Find(file, box) + 4 + 4; // type, version and flags
        int count = (int)Big(file, at, 4);
        return Enumerable.Range(0, count).Select(i => (Big(file, at + 4 + (i * 8), 4), Big(file, at + 8 + (i * 8), 4))).ToList();
    }

    private static long Big(byte[] data, int at, int size)
    {
        long value = 0;
        for (int i = 0; i < size; i++)
        {
            value = (value << 8) | data[at + i];
        }

        return value;
    }

    private static int Find(byte[] data, string type) => data.AsSpan().IndexOf(Encoding.ASCII.GetBytes(type));

    private static int Count(byte[] data, string type)
    {
        int count = 0, at = 0, found;
        var needle = Encoding.ASCII.GetBytes(type);
        while ((found = data.AsSpan(at).IndexOf(needle)) >= 0)
        {
            count++;
            at += found + 4;
        }

        return count;
    }
}
