using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.Mp4;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Media;

/// <summary>MP4 files read back as the FLV tags RTMP carries: progressive and fragmented, whole, cut off and hostile.</summary>
public sealed class Mp4TagReaderTests
{
    private static readonly byte[] AvcRecord = { 1, 0x42, 0, 0x1E, 0xFF, 0xE1, 0, 4, 0x67, 0x42, 0, 0x1E, 1, 0, 2, 0x68, 0xCE };
    private static readonly Mp4VideoTrack Video = new(Mp4Codec.Avc, 320, 240, AvcRecord);
    private static readonly Mp4AudioTrack Audio = new(AudioSpecificConfig.Create(2, 48000, 2));
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    // 3 s at 25 fps with B-frame offsets (80 ms on P, 0 on B) and a key frame each second, and AAC at 48 kHz.
    private static byte[] Fragmented(Mp4VideoTrack? video = null, bool complete = true)
    {
        var output = new MemoryStream();
        using var writer = new FragmentedMp4Writer(output, new Mp4Track[] { video ?? Video, Audio }, Start, ownsOutput: false, wallClock: Start);
        long audio = 0;
        for (int i = 0; i < 75; i++)
        {
            long dts = i * 40;
            for (; audio * 1024 * 1000 / 48000 < dts + 40; audio++)
            {
                long at = audio * 1024 * 1000 / 48000;
                if (at >= dts)
                {
                    writer.Write(1, new byte[] { 0x21, (byte)audio, 7 }, at, at, sync: true);
                }
            }

            writer.Write(0, Picture(i), dts, dts + (i % 2 == 0 ? 80 : 0), sync: i % 25 == 0);
        }

        if (complete)
        {
            writer.Complete(40);
        }

        return output.ToArray();
    }

    private static byte[] Picture(int i) => new byte[] { 0, 0, 0, 46 }.Concat(Enumerable.Repeat((byte)i, 46)).ToArray();

    private static List<FlvTag> ReadAll(byte[] file)
    {
        var reader = new Mp4TagReader(new MemoryStream(file), WireLimits.Default);
        var tags = new List<FlvTag>();
        for (var tag = reader.ReadTag(); tag != null; tag = reader.ReadTag())
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static List<FlvTag> Videos(IEnumerable<FlvTag> tags) =>
        tags.Where(t => t.Type == FlvTagType.Video && !VideoTagHeader.Parse(t.Body).IsSequenceHeader).ToList();

    [Fact]
    public void A_fragmented_file_gives_sequence_headers_then_every_sample_in_decode_order()
    {
        var tags = ReadAll(Fragmented());

        var first = VideoTagHeader.Parse(tags[0].Body);
        Assert.True(first.IsSequenceHeader);
        Assert.Equal(VideoCodec.Avc, first.Codec);
        Assert.Equal(AvcRecord, tags[0].Body.Skip(5).ToArray());
        Assert.True(AudioTagHeader.Parse(tags[1].Body).IsAacSequenceHeader);
        Assert.Equal(Audio.AudioSpecificConfig, tags[1].Body.Skip(2).ToArray());

        var videos = Videos(tags);
        Assert.Equal(75, videos.Count);
        for (int i = 0; i < 75; i++)
        {
            var header = VideoTagHeader.Parse(videos[i].Body);
            Assert.Equal((uint)(i * 40), videos[i].Timestamp);
            Assert.Equal(i % 2 == 0 ? 80 : 0, header.CompositionTime);
            Assert.Equal(i % 25 == 0, header.IsKeyFrame);
            Assert.Equal(Picture(i), videos[i].Body.Skip(header.DataOffset).ToArray());
        }

        var audio = tags.Skip(2).Where(t => t.Type == FlvTagType.Audio).ToList();
        Assert.InRange(audio.Count, 140, 142);
        Assert.All(audio, a => Assert.Equal(new byte[] { 0xAF, 1, 0x21 }, a.Body.Take(3).ToArray()));
        var times = tags.Skip(2).Select(t => t.Timestamp).ToList();
        Assert.Equal(times.OrderBy(t => t), times);
    }

    [Fact]
    public void A_progressive_file_reads_the_same_samples_from_its_sample_tables()
    {
        using var temp = new TempFile(".mp4");
        using (var writer = new Mp4FileWriter(temp.Path, Video, Start))
        {
            for (int i = 0; i < 60; i++)
            {
                writer.Write(Picture(i), i * 40, (i * 40) + (i % 2 == 0 ? 80 : 0), sync: i % 30 == 0);
            }

            writer.Complete(40);
        }

        var tags = ReadAll(File.ReadAllBytes(temp.Path));

        Assert.True(VideoTagHeader.Parse(tags[0].Body).IsSequenceHeader);
        var videos = Videos(tags);
        Assert.Equal(60, videos.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (uint)(i * 40)), videos.Select(v => v.Timestamp));
        Assert.Equal(new[] { 0, 30 }, Enumerable.Range(0, 60).Where(i => VideoTagHeader.Parse(videos[i].Body).IsKeyFrame));
        Assert.Equal(Picture(59), videos[59].Body.Skip(5).ToArray());
        Assert.Equal(80, VideoTagHeader.Parse(videos[58].Body).CompositionTime);
    }

    [Fact]
    public void Hevc_is_carried_as_enhanced_rtmp_hvc1()
    {
        var hevc = new Mp4VideoTrack(Mp4Codec.Hevc, 320, 240, new byte[] { 1, 1, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5D, 0xF0, 0, 0xFC, 0xFD, 0xF8, 0xF8, 0, 0, 0x0F, 0 });

        var tags = ReadAll(Fragmented(hevc));

        var sequence = VideoTagHeader.Parse(tags[0].Body);
        Assert.True(sequence.IsSequenceHeader && sequence.IsEnhanced);
        Assert.Equal(FourCc.Hvc1, sequence.FourCc);
        var videos = Videos(tags);
        Assert.Equal(75, videos.Count);
        Assert.Equal(80, VideoTagHeader.Parse(videos[0].Body).CompositionTime);
        Assert.Equal(0, VideoTagHeader.Parse(videos[1].Body).CompositionTime);
        Assert.Equal(Picture(1), videos[1].Body.Skip(VideoTagHeader.Parse(videos[1].Body).DataOffset).ToArray());
    }

    [Fact]
    public void A_fragmented_file_cut_off_mid_fragment_plays_to_its_last_whole_fragment()
    {
        var file = Fragmented(complete: false);
        var whole = Videos(ReadAll(file)).Count;

        var cut = Videos(ReadAll(file.Take(file.Length - 30).ToArray()));

        Assert.InRange(cut.Count, 1, whole - 1);
        Assert.Equal(Enumerable.Range(0, cut.Count).Select(i => (uint)(i * 40)), cut.Select(v => v.Timestamp));
    }

    [Fact]
    public void A_file_without_a_whole_movie_box_is_refused_by_name()
    {
        var file = Fragmented();
        int moov = IndexOf(file, "moov") - 4;

        var error = Assert.Throws<MediaFormatException>(() => new Mp4TagReader(new MemoryStream(file.Take(moov + 20).ToArray()), WireLimits.Default));

        Assert.Contains("movie (moov) box", error.Message);
        Assert.Throws<MediaFormatException>(() => new Mp4TagReader(new MemoryStream(new byte[] { 0, 0, 0, 8, 1, 2, 3, 4 }), WireLimits.Default));
        Assert.Throws<MediaFormatException>(() => new Mp4TagReader(new MemoryStream(Array.Empty<byte>()), WireLimits.Default));
    }

    [Fact]
    public void An_oversized_movie_box_is_refused_before_it_is_read()
    {
        var file = new byte[32];
        file[3] = 16;
        "ftyp"u8.CopyTo(file.AsSpan(4));
        file[16] = 0x7F;
        file[17] = 0xFF;
        "moov"u8.CopyTo(file.AsSpan(20));
        var stream = new LyingLengthStream(file, 0x7FFF0000L + 16);

        var error = Assert.Throws<MediaFormatException>(() => new Mp4TagReader(stream, WireLimits.Default));

        Assert.Contains("more than the", error.Message);
    }

    [Fact]
    public void A_sample_larger_than_the_tag_limit_is_refused()
    {
        var limits = new WireLimits { MaxFlvTagSize = 1024 };
        var output = new MemoryStream();
        using (var writer = new FragmentedMp4Writer(output, new Mp4Track[] { Video }, Start, ownsOutput: false, wallClock: null))
        {
            writer.Write(0, new byte[2000], 0, 0, sync: true);
            writer.Complete(40);
        }

        var reader = new Mp4TagReader(new MemoryStream(output.ToArray()), limits);
        reader.ReadTag();

        Assert.Contains("larger than the 1024", Assert.Throws<MediaFormatException>(() => reader.ReadTag()).Message);
    }

    [Fact]
    public void Boxes_nested_beyond_what_a_track_has_are_left_out()
    {
        // A moov holding traks holding traks: no track has the boxes it needs, so none is carried.
        var box = Box("free", new byte[4]);
        for (int i = 0; i < 200; i++)
        {
            box = Box("trak", box);
        }

        var file = Box("ftyp", new byte[8]).Concat(Box("moov", box)).ToArray();

        Assert.Contains("no H.264, H.265 or AAC track", Assert.Throws<MediaFormatException>(() => new Mp4TagReader(new MemoryStream(file), WireLimits.Default)).Message);
    }

    [Fact]
    public void Every_truncation_and_mutation_gives_tags_or_a_format_error_and_nothing_else()
    {
        var file = Fragmented();
        var random = new Random(12);
        for (int cut = 0; cut < file.Length; cut += 1 + (cut / 16))
        {
            ReadHostile(file.Take(cut).ToArray());
        }

        for (int round = 0; round < 3000; round++)
        {
            var mutated = (byte[])file.Clone();
            for (int n = random.Next(1, 6); n > 0; n--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            ReadHostile(mutated);
        }

        for (int round = 0; round < 500; round++)
        {
            var noise = new byte[random.Next(0, 400)];
            random.NextBytes(noise);
            ReadHostile(noise);
            ReadHostile(file.Take(600).Concat(noise).ToArray());
        }
    }

    private static void ReadHostile(byte[] file)
    {
        try
        {
            var reader = new Mp4TagReader(new MemoryStream(file), WireLimits.Default);
            for (int n = 0; n < 10_000 && reader.ReadTag() != null; n++)
            {
            }
        }
        catch (MediaFormatException)
        {
            // The one failure the reader documents.
        }
    }

    private static byte[] Box(string type, byte[] content)
    {
        var box = new byte[8 + content.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        content.CopyTo(box, 8);
        return box;
    }

    private static int IndexOf(byte[] file, string type)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(type);
        return file.AsSpan().IndexOf(needle);
    }

    /// <summary>A file whose length claims more than its bytes, so a huge box can be declared without being written.</summary>
    private sealed class LyingLengthStream : MemoryStream
    {
        private readonly long _length;

        public LyingLengthStream(byte[] bytes, long length)
            : base(bytes)
        {
            _length = length;
        }

        public override long Length => _length;
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string extension) => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N") + extension);

        public string Path { get; }

        public void Dispose()
        {
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }
        }
    }
}
