using System;
using System.IO;
using System.Runtime.InteropServices;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    public class GenericByteDataReaderTests
    {
        // Built by hand from the table in XPROTECT-NOTES.md: type 0x0010, total 36, codec 0x000A,
        // sequence 0x1234, flags 1 (sync), sync ts 0x0000018B_CFE56800, picture ts +40, reserved 0, payload 00 00 00 01.
        private static readonly byte[] Vector =
        {
            0x00, 0x10,
            0x00, 0x00, 0x00, 0x24,
            0x00, 0x0A,
            0x12, 0x34,
            0x00, 0x01,
            0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x00,
            0x00, 0x00, 0x01, 0x8B, 0xCF, 0xE5, 0x68, 0x28,
            0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x01,
        };

        [Fact]
        public void Reads_every_header_field_at_its_documented_offset()
        {
            var frame = GenericByteDataReader.Parse(Vector, WireLimits.Default);
            var header = frame.Header;
            Assert.Equal(GenericByteDataHeader.VideoStreamPacket, header.DataType);
            Assert.Equal(36u, header.TotalLength);
            Assert.Equal(GenericByteDataCodec.H264, header.Codec);
            Assert.Equal(0x1234, header.SequenceNumber);
            Assert.True(header.IsSyncFrame);
            Assert.Equal(0x0000018BCFE56800L, header.SyncTimestamp);
            Assert.Equal(0x0000018BCFE56828L, header.PictureTimestamp);
            Assert.Equal(new byte[] { 0, 0, 0, 1 }, frame.Payload);
        }

        [Fact]
        public void The_payload_is_a_slice_of_the_bytes_parsed_not_a_copy()
        {
            var frame = GenericByteDataReader.Parse(Vector, WireLimits.Default);
            Assert.True(MemoryMarshal.TryGetArray(frame.Payload, out var segment));
            Assert.Same(Vector, segment.Array);
            Assert.Equal(GenericByteDataHeader.Length, segment.Offset);
        }

        [Fact]
        public void Writing_a_header_gives_the_documented_bytes()
        {
            var header = new GenericByteDataHeader(0x0010, 36, 0x000A, 0x1234, 1, 0x0000018BCFE56800L, 0x0000018BCFE56828L);
            var bytes = new byte[32];
            header.Write(bytes);
            Assert.Equal(Vector.AsSpan(0, 32).ToArray(), bytes);
        }

        [Fact]
        public void A_clear_flag_bit_is_not_a_sync_frame()
        {
            var bytes = (byte[])Vector.Clone();
            bytes[11] = 0x02;
            Assert.False(GenericByteDataReader.Parse(bytes, WireLimits.Default).Header.IsSyncFrame);
        }

        [Fact]
        public void Reads_back_to_back_frames_from_a_stream_and_ends_cleanly_between_them()
        {
            var two = new byte[Vector.Length * 2];
            Vector.CopyTo(two, 0);
            Vector.CopyTo(two, Vector.Length);
            var reader = new GenericByteDataReader(new MemoryStream(two), WireLimits.Default);
            Assert.NotNull(reader.ReadFrame());
            Assert.NotNull(reader.ReadFrame());
            Assert.Null(reader.ReadFrame());
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(31)]
        [InlineData(33)]
        [InlineData(35)]
        public void A_frame_cut_off_anywhere_is_a_format_error(int length)
        {
            var cut = Vector.AsSpan(0, length).ToArray();
            var e = Assert.Throws<MediaFormatException>(() => GenericByteDataReader.Parse(cut, WireLimits.Default));
            Assert.Contains("cut off", e.Message);
            if (length > 0)
            {
                var reader = new GenericByteDataReader(new MemoryStream(cut), WireLimits.Default);
                Assert.Throws<MediaFormatException>(() => reader.ReadFrame());
            }
        }

        [Fact]
        public void A_length_over_the_limit_is_refused_before_anything_is_allocated()
        {
            var bytes = (byte[])Vector.Clone();
            bytes[2] = 0x7F;
            bytes[3] = 0xFF;
            var reader = new GenericByteDataReader(new MemoryStream(bytes), WireLimits.Default);
            var e = Assert.Throws<MediaFormatException>(() => reader.ReadFrame());
            Assert.Contains("exceeds the limit", e.Message);
        }

        [Fact]
        public void A_total_length_shorter_than_the_header_is_refused()
        {
            var bytes = (byte[])Vector.Clone();
            bytes[5] = 31;
            var e = Assert.Throws<MediaFormatException>(() => GenericByteDataReader.Parse(bytes, WireLimits.Default));
            Assert.Contains("shorter than its 32-byte header", e.Message);
        }

        [Fact]
        public void A_data_type_other_than_video_stream_packet_is_refused()
        {
            var bytes = (byte[])Vector.Clone();
            bytes[1] = 0x11;
            var e = Assert.Throws<MediaFormatException>(() => GenericByteDataReader.Parse(bytes, WireLimits.Default));
            Assert.Contains("0x0011", e.Message);
        }

        [Fact]
        public void Random_input_gives_frames_or_format_errors_and_nothing_else()
        {
            var random = new Random(5);
            int frames = 0;
            for (int i = 0; i < 2000; i++)
            {
                var bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);

                // Half the inputs get a plausible start so the parser gets past the type check.
                if (i % 2 == 0 && bytes.Length >= 6)
                {
                    bytes[0] = 0x00;
                    bytes[1] = 0x10;
                    bytes[2] = 0;
                    bytes[3] = 0;
                    bytes[4] = 0;
                }

                var reader = new GenericByteDataReader(new MemoryStream(bytes), WireLimits.Default);
                try
                {
                    while (reader.ReadFrame() != null)
                    {
                        frames++;
                    }
                }
                catch (MediaFormatException)
                {
                }
            }

            Assert.True(frames > 0, "some random inputs should hold whole frames");
        }
    }
}
