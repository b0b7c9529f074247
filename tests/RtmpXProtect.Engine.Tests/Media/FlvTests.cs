using System;
using System.Collections.Generic;
using System.IO;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Flv;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class FlvTests
    {
        [Fact]
        public void Writer_emits_header_and_previous_tag_size_zero()
        {
            var stream = new MemoryStream();
            using (new FlvWriter(stream, hasAudio: true, hasVideo: true))
            {
            }

            Assert.Equal(new byte[] { 0x46, 0x4C, 0x56, 1, 5, 0, 0, 0, 9, 0, 0, 0, 0 }, stream.ToArray());
        }

        [Fact]
        public void Writer_lays_out_a_tag_as_the_specification_says()
        {
            var stream = new MemoryStream();
            using (var writer = new FlvWriter(stream, false, true))
            {
                writer.WriteTag(FlvTagType.Video, 0x12345678, new byte[] { 0x17, 0x01 });
                Assert.Equal(1, writer.TagCount);
            }

            var tag = stream.ToArray().AsSpan(13).ToArray();
            Assert.Equal(new byte[] { 9, 0, 0, 2, 0x34, 0x56, 0x78, 0x12, 0, 0, 0, 0x17, 0x01, 0, 0, 0, 13 }, tag);
        }

        [Fact]
        public void A_thousand_tags_read_back_with_identical_timestamps_past_24_bits()
        {
            var stream = new MemoryStream();
            var random = new Random(1234);
            var expected = new List<(FlvTagType, uint, byte[])>();
            using (var writer = new FlvWriter(stream, true, true))
            {
                for (int i = 0; i < 1000; i++)
                {
                    var type = (i % 3) switch { 0 => FlvTagType.Video, 1 => FlvTagType.Audio, _ => FlvTagType.Script };
                    uint timestamp = (uint)i * 40u + (i >= 500 ? 0xFFFF00u : 0u) + (i >= 900 ? 0xF0000000u : 0u);
                    var body = new byte[random.Next(0, 300)];
                    random.NextBytes(body);
                    writer.WriteTag(type, timestamp, body);
                    expected.Add((type, timestamp, body));
                }

                Assert.Equal(1000, writer.TagCount);
            }

            stream.Position = 0;
            var reader = new FlvReader(stream, WireLimits.Default);
            Assert.True(reader.HasAudio);
            Assert.True(reader.HasVideo);
            foreach (var (type, timestamp, body) in expected)
            {
                var tag = reader.ReadTag();
                Assert.NotNull(tag);
                Assert.Equal(type, tag!.Type);
                Assert.Equal(timestamp, tag.Timestamp);
                Assert.Equal(body, tag.Body);
            }

            Assert.Null(reader.ReadTag());
            Assert.Equal(0, reader.PreviousTagSizeMismatches);
        }

        [Fact]
        public void Reads_a_file_ffmpeg_wrote()
        {
            var reader = new FlvReader(new MemoryStream(Convert.FromBase64String(SmallFlvBase64)), WireLimits.Default);
            Assert.True(reader.HasAudio);
            Assert.True(reader.HasVideo);
            var tags = new List<FlvTag>();
            for (var tag = reader.ReadTag(); tag != null; tag = reader.ReadTag())
            {
                tags.Add(tag);
            }

            Assert.Equal(21, tags.Count);
            Assert.Equal(FlvTagType.Script, tags[0].Type);
            Assert.True(VideoTagHeader.Parse(tags[1].Body).IsSequenceHeader);
            Assert.True(AudioTagHeader.Parse(tags[2].Body).IsAacSequenceHeader);
            Assert.Equal("H.264 High@1.0 160x120, AAC-LC 44100 Hz mono", StreamDescription.FromSequenceHeaders(tags[1].Body, tags[2].Body, WireLimits.Default).ToString());
            Assert.Equal(0, reader.PreviousTagSizeMismatches);
            Assert.Equal(100u, tags.Find(t => t.Type == FlvTagType.Video && !VideoTagHeader.Parse(t.Body).IsKeyFrame)!.Timestamp);
        }

        [Fact]
        public void Truncation_at_every_offset_ends_cleanly_at_tag_boundaries_and_throws_elsewhere()
        {
            var file = Convert.FromBase64String(SmallFlvBase64);
            var boundaries = new HashSet<int>();
            int offset = 13;
            while (offset < file.Length)
            {
                boundaries.Add(offset);
                offset += 11 + ((file[offset + 1] << 16) | (file[offset + 2] << 8) | file[offset + 3]) + 4;
            }

            boundaries.Add(file.Length);
            for (int length = 0; length <= file.Length; length++)
            {
                var stream = new MemoryStream(file, 0, length);
                if (boundaries.Contains(length))
                {
                    var reader = new FlvReader(stream, WireLimits.Default);
                    while (reader.ReadTag() != null)
                    {
                    }
                }
                else
                {
                    Assert.Throws<MediaFormatException>(() =>
                    {
                        var reader = new FlvReader(stream, WireLimits.Default);
                        while (reader.ReadTag() != null)
                        {
                        }
                    });
                }
            }
        }

        [Fact]
        public void A_wrong_previous_tag_size_is_tolerated_and_counted()
        {
            var stream = new MemoryStream();
            using (var writer = new FlvWriter(stream, false, true))
            {
                writer.WriteTag(FlvTagType.Video, 0, new byte[] { 0x17, 0x01 });
                writer.WriteTag(FlvTagType.Video, 40, new byte[] { 0x27, 0x01 });
            }

            var bytes = stream.ToArray();
            bytes[13 + 11 + 2 + 3] = 99;
            var reader = new FlvReader(new MemoryStream(bytes), WireLimits.Default);
            Assert.NotNull(reader.ReadTag());
            Assert.NotNull(reader.ReadTag());
            Assert.Null(reader.ReadTag());
            Assert.Equal(1, reader.PreviousTagSizeMismatches);
        }

        [Fact]
        public void A_tag_over_the_size_limit_is_rejected_before_allocation()
        {
            var bytes = new byte[] { 0x46, 0x4C, 0x56, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0, 9, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0 };
            var reader = new FlvReader(new MemoryStream(bytes), new WireLimits { MaxFlvTagSize = 4096 });
            var error = Assert.Throws<MediaFormatException>(() => reader.ReadTag());
            Assert.Contains("limit", error.Message);
        }

        [Theory]
        [InlineData(new byte[] { 0x46, 0x4C, 0x57, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0 })]
        [InlineData(new byte[] { 0x46, 0x4C, 0x56, 2, 1, 0, 0, 0, 9, 0, 0, 0, 0 })]
        [InlineData(new byte[] { 0x46, 0x4C, 0x56, 1, 1, 0, 0, 0, 8, 0, 0, 0, 0 })]
        [InlineData(new byte[] { 0x46, 0x4C, 0x56, 1, 1, 0x7F, 0, 0, 0, 0, 0, 0, 0 })]
        [InlineData(new byte[] { 0x46, 0x4C, 0x56, 1, 1, 0, 0, 0, 12, 0, 0, 0, 0 })]
        public void Bad_headers_are_rejected(byte[] bytes)
        {
            Assert.Throws<MediaFormatException>(() => new FlvReader(new MemoryStream(bytes), WireLimits.Default));
        }

        [Fact]
        public void A_larger_data_offset_is_skipped()
        {
            var bytes = new byte[] { 0x46, 0x4C, 0x56, 1, 4, 0, 0, 0, 11, 0xEE, 0xEE, 0, 0, 0, 0, 8, 0, 0, 1, 0, 0, 5, 0, 0, 0, 0, 0xAF, 0, 0, 0, 12 };
            var reader = new FlvReader(new MemoryStream(bytes), WireLimits.Default);
            Assert.True(reader.HasAudio);
            Assert.False(reader.HasVideo);
            var tag = reader.ReadTag();
            Assert.Equal(FlvTagType.Audio, tag!.Type);
            Assert.Equal(5u, tag.Timestamp);
            Assert.Equal(new byte[] { 0xAF }, tag.Body);
        }

        [Fact]
        public void Encrypted_tags_are_rejected()
        {
            var bytes = new byte[] { 0x46, 0x4C, 0x56, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0x29, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x17, 0, 0, 0, 12 };
            var reader = new FlvReader(new MemoryStream(bytes), WireLimits.Default);
            Assert.Throws<MediaFormatException>(() => reader.ReadTag());
        }

        [Fact]
        public void Unknown_tag_types_come_back_raw_for_the_caller_to_skip()
        {
            var stream = new MemoryStream();
            using (var writer = new FlvWriter(stream, false, false))
            {
                writer.WriteTag((FlvTagType)15, 7, new byte[] { 1 });
            }

            stream.Position = 0;
            Assert.Equal((FlvTagType)15, new FlvReader(stream, WireLimits.Default).ReadTag()!.Type);
        }

        [Fact]
        public void Dispose_leaves_the_stream_open_unless_told_to_close_it()
        {
            var kept = new MemoryStream();
            new FlvWriter(kept, true, true).Dispose();
            Assert.True(kept.CanWrite);

            var closed = new MemoryStream();
            new FlvWriter(closed, true, true, leaveOpen: false).Dispose();
            Assert.False(closed.CanWrite);
        }

        [Fact]
        public void Writing_after_dispose_throws()
        {
            var writer = new FlvWriter(new MemoryStream(), true, true);
            writer.Dispose();
            Assert.Throws<ObjectDisposedException>(() => writer.WriteTag(FlvTagType.Audio, 0, new byte[1]));
        }
    }
}
