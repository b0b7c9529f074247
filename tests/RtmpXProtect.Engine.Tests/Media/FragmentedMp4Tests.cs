using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Mp4;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Media;

/// <summary>The two-track fragmented MP4 and the summary read back from its boxes, whole, cut off and hostile.</summary>
public sealed class FragmentedMp4Tests
{
    private static readonly Mp4VideoTrack Video = new(Mp4Codec.Avc, 320, 240, new byte[] { 1, 0x42, 0, 0x1E, 0xFF, 0xE0, 0 });
    private static readonly Mp4AudioTrack Audio = new(AudioSpecificConfig.Create(2, 48000, 2));
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 30, 0, 250, TimeSpan.Zero);

    // 3 s at 25 fps with a key frame every second, and AAC frames of 1024 samples at 48 kHz (21.33 ms).
    private static byte[] Recording(out FragmentedMp4Writer writer, bool complete = true)
    {
        var output = new MemoryStream();
        writer = new FragmentedMp4Writer(output, new Mp4Track[] { Video, Audio }, Start, ownsOutput: false, wallClock: Start);
        long audio = 0;
        for (int i = 0; i < 75; i++)
        {
            long dts = i * 40;
            for (; audio * 1024 * 1000 / 48000 < dts + 40; audio++)
            {
                long at = audio * 1024 * 1000 / 48000;
                if (at >= dts)
                {
                    writer.Write(1, new byte[] { 0x21, (byte)audio }, at, at, sync: true);
                }
            }

            writer.Write(0, Enumerable.Repeat((byte)i, 50).ToArray(), dts, dts + 80, sync: i % 25 == 0);
        }

        if (complete)
        {
            writer.Complete(40);
        }

        return output.ToArray();
    }

    [Fact]
    public void Both_tracks_are_described_and_every_fragment_holds_both()
    {
        var file = Recording(out var writer);

        Assert.Equal("ftyp", Type(file, 0));
        foreach (var box in new[] { "mvhd", "vmhd", "smhd", "avc1", "mp4a", "esds", "prft" })
        {
            Assert.True(Find(file, box) > 0, $"no {box}");
        }

        Assert.Equal(2, Count(file, "trex"));
        Assert.Equal(2, Count(file, "trak"));
        int fragments = Count(file, "moof");
        Assert.Equal((int)writer.Fragments, fragments);
        Assert.Equal(fragments * 2, Count(file, "traf"));
        Assert.Equal(fragments, Count(file, "prft"));
        Assert.True(fragments >= 3, $"{fragments} fragments for 3 s");
    }

    [Fact]
    public void The_summary_reads_start_duration_and_fragments_back()
    {
        var file = Recording(out var writer);

        var summary = FragmentedMp4Summary.Read(new MemoryStream(file));

        Assert.True(summary.IsWhole);
        Assert.Equal((int)writer.Fragments, summary.Fragments);
        Assert.InRange(summary.Duration.TotalMilliseconds, 3000, 3030); // audio runs a frame past the last picture
        Assert.NotNull(summary.Start);
        Assert.InRange((summary.Start!.Value - Start).TotalMilliseconds, -1, 1);
    }

    [Fact]
    public void A_file_cut_anywhere_after_its_movie_box_reads_as_its_complete_fragments_only()
    {
        var file = Recording(out _);
        int moov = Find(file, "moov") - 4;
        int firstFragment = Find(file, "prft") - 4;
        int lastDuration = -1;
        for (int length = firstFragment; length <= file.Length; length += 7)
        {
            var summary = FragmentedMp4Summary.Read(new MemoryStream(file, 0, length));
            Assert.True(summary.Duration.TotalMilliseconds >= lastDuration, "cutting more never plays longer");
            lastDuration = (int)summary.Duration.TotalMilliseconds;
            Assert.Equal(summary.Fragments, BoxesBefore(file, "mdat", length));
        }

        for (int length = 0; length < moov + 16; length++)
        {
            Assert.Throws<MediaFormatException>(() => FragmentedMp4Summary.Read(new MemoryStream(file, 0, length)));
        }
    }

    [Fact]
    public void A_writer_that_never_completed_leaves_every_flushed_fragment_readable()
    {
        var file = Recording(out var writer, complete: false);

        var summary = FragmentedMp4Summary.Read(new MemoryStream(file));

        Assert.Equal((int)writer.Fragments, summary.Fragments);
        Assert.InRange(summary.Duration.TotalSeconds, 1.9, 3.0);
    }

    [Fact]
    public void A_box_declaring_more_than_the_file_holds_is_a_box_being_written_and_a_huge_header_box_is_refused()
    {
        var file = Recording(out var writer);

        var moov = SetSize((byte[])file.Clone(), Find(file, "moov") - 4, 0x7FFFFFF0);
        Assert.Throws<MediaFormatException>(() => FragmentedMp4Summary.Read(new MemoryStream(moov)));

        int lastMoof = LastIndex(file, "moof") - 4;
        var summary = FragmentedMp4Summary.Read(new MemoryStream(SetSize((byte[])file.Clone(), lastMoof, 0x7FFFFFF0)));
        Assert.False(summary.IsWhole);
        Assert.Equal((int)writer.Fragments - 1, summary.Fragments);

        // A moov of more than a MiB that is all there: no real one is, so it is not read into memory.
        var huge = new byte[16 + FragmentedMp4Summary.MaxHeaderBoxBytes + 16];
        SetSize(huge, 0, 16);
        "ftyp"u8.CopyTo(huge.AsSpan(4));
        SetSize(huge, 16, (uint)(huge.Length - 16));
        "moov"u8.CopyTo(huge.AsSpan(20));
        var error = Assert.Throws<MediaFormatException>(() => FragmentedMp4Summary.Read(new MemoryStream(huge)));
        Assert.Contains("more than the", error.Message);
    }

    private static byte[] SetSize(byte[] file, int at, uint size)
    {
        var copy = file;
        copy[at] = (byte)(size >> 24);
        copy[at + 1] = (byte)(size >> 16);
        copy[at + 2] = (byte)(size >> 8);
        copy[at + 3] = (byte)size;
        return copy;
    }

    private static int LastIndex(byte[] file, string type) => file.AsSpan().LastIndexOf(System.Text.Encoding.ASCII.GetBytes(type));

    [Fact]
    public void A_child_box_that_overruns_its_parent_and_a_run_with_more_samples_than_bytes_are_errors()
    {
        var file = Recording(out _);
        var overrun = (byte[])file.Clone();
        int traf = Find(overrun, "traf") - 4;
        overrun[traf] = 0x7F;
        Assert.Throws<MediaFormatException>(() => FragmentedMp4Summary.Read(new MemoryStream(overrun)));

        var samples = (byte[])file.Clone();
        int trun = Find(samples, "trun") + 4 + 4;
        samples[trun] = 0xFF;
        Assert.Throws<MediaFormatException>(() => FragmentedMp4Summary.Read(new MemoryStream(samples)));
    }

    [Fact]
    public void Random_and_mutated_files_read_or_fail_with_a_format_error_only()
    {
        var file = Recording(out _);
        var random = new Random(12);
        for (int i = 0; i < 3000; i++)
        {
            byte[] input;
            if (i % 3 == 0)
            {
                input = new byte[random.Next(0, 400)];
                random.NextBytes(input);
                if (input.Length > 8 && i % 2 == 0)
                {
                    "ftyp"u8.CopyTo(input.AsSpan(4));
                }
            }
            else
            {
                input = (byte[])file.Clone();
                for (int flips = random.Next(1, 8); flips > 0; flips--)
                {
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                }
            }

            try
            {
                FragmentedMp4Summary.Read(new MemoryStream(input));
            }
            catch (MediaFormatException)
            {
            }
        }
    }

    [Fact]
    public void Samples_before_the_first_or_out_of_order_are_refused_and_the_file_goes_on()
    {
        var output = new MemoryStream();
        var writer = new FragmentedMp4Writer(output, new Mp4Track[] { Video, Audio }, Start, ownsOutput: false, wallClock: null);
        writer.Write(0, new byte[] { 1 }, 1000, 1000, sync: true);
        Assert.Throws<ArgumentException>(() => writer.Write(1, new byte[] { 2 }, 990, 990, sync: true));
        Assert.Throws<ArgumentException>(() => writer.Write(0, new byte[] { 2 }, 1000, 1000, sync: false));
        writer.Write(1, new byte[] { 2 }, 1010, 1010, sync: true);
        writer.Write(0, new byte[] { 3 }, 1040, 1040, sync: false);
        writer.Complete(40);

        var summary = FragmentedMp4Summary.Read(new MemoryStream(output.ToArray()));
        Assert.Null(summary.Start);
        Assert.Equal(1, summary.Fragments);
        Assert.Equal(80, summary.Duration.TotalMilliseconds, 1);
    }

    private static string Type(byte[] file, int at) => System.Text.Encoding.ASCII.GetString(file, at + 4, 4);

    private static int Find(byte[] file, string type, int from = 0)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(type);
        int at = file.AsSpan(from).IndexOf(needle);
        return at < 0 ? -1 : from + at;
    }

    private static int Count(byte[] file, string type)
    {
        int count = 0;
        for (int at = Find(file, type); at >= 0; at = Find(file, type, at + 4))
        {
            count++;
        }

        return count;
    }

    // Top-level boxes of a type wholly within the first length bytes.
    private static int BoxesBefore(byte[] file, string type, int length)
    {
        int count = 0;
        for (long at = 0; at + 8 <= length;)
        {
            long size = (long)file[at] << 24 | (long)file[at + 1] << 16 | (long)file[at + 2] << 8 | file[at + 3];
            if (at + size > length)
            {
                break;
            }

            count += Type(file, (int)at) == type ? 1 : 0;
            at += size;
        }

        return count;
    }
}
