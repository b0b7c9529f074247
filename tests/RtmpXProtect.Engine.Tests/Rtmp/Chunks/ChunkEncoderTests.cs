using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    public class ChunkEncoderTests
    {
        [Fact]
        public void Writes_the_audio_sample_of_the_spec_byte_for_byte()
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            foreach (RtmpMessage message in SpecVectors.AudioMessages())
            {
                encoder.Write(writer, 3, message);
            }

            Assert.Equal(SpecVectors.AudioBytes(), writer.WrittenSpan.ToArray());
        }

        [Fact]
        public void Writes_the_video_sample_of_the_spec_byte_for_byte()
        {
            var writer = new ArrayBufferWriter<byte>();
            new ChunkEncoder().Write(writer, 4, SpecVectors.VideoMessage());
            Assert.Equal(SpecVectors.VideoBytes(), writer.WrittenSpan.ToArray());
        }

        [Fact]
        public void Self_contained_framing_of_the_video_sample_matches_the_spec()
        {
            var writer = new ArrayBufferWriter<byte>();
            ChunkEncoder.WriteSelfContained(writer, 4, 128, SpecVectors.VideoMessage());
            Assert.Equal(SpecVectors.VideoBytes(), writer.WrittenSpan.ToArray());
            Assert.Equal(writer.WrittenCount, ChunkEncoder.SelfContainedLength(307, 128, 4, 1000));
        }

        [Theory]
        [InlineData(0, 128, 3, 0u)]
        [InlineData(1, 1, 63, 0xFFFFFFu)]
        [InlineData(300, 128, 64, 5u)]
        [InlineData(256, 128, 319, 0xFFFFFFFFu)]
        [InlineData(65537, 4096, 320, 0x1000000u)]
        [InlineData(1000, 7, 65599, 0xFFFFFEu)]
        public void Self_contained_length_is_exact(int length, int chunkSize, int chunkStreamId, uint timestamp)
        {
            var writer = new ArrayBufferWriter<byte>();
            var message = new RtmpMessage(MessageType.Video, timestamp, 1, new byte[length]);
            ChunkEncoder.WriteSelfContained(writer, chunkStreamId, chunkSize, message);

            Assert.Equal(writer.WrittenCount, ChunkEncoder.SelfContainedLength(length, chunkSize, chunkStreamId, timestamp));
            var decoder = new ChunkDecoder(WireLimits.Default);
            var output = new List<RtmpMessage>();
            decoder.Decode(ProtocolControlBytes(chunkSize), output);
            decoder.Decode(writer.WrittenSpan, output);
            ChunkAssert.SameMessage(message, output[1]);
        }

        [Fact]
        public void Uses_fmt1_when_length_or_type_change()
        {
            byte[] bytes = Encode(
                new RtmpMessage(MessageType.Audio, 0, 1, new byte[3]),
                new RtmpMessage(MessageType.Audio, 10, 1, new byte[4]),
                new RtmpMessage(MessageType.Video, 20, 1, new byte[4]));
            Assert.Equal(0x44, bytes[12 + 3]);
            Assert.Equal(0x44, bytes[12 + 3 + 8 + 4]);
        }

        [Fact]
        public void Uses_fmt0_when_the_timestamp_goes_backwards_or_the_stream_id_changes()
        {
            byte[] bytes = Encode(
                new RtmpMessage(MessageType.Audio, 100, 1, new byte[1]),
                new RtmpMessage(MessageType.Audio, 50, 1, new byte[1]),
                new RtmpMessage(MessageType.Audio, 60, 2, new byte[1]));
            Assert.Equal(0x04, bytes[13]);
            Assert.Equal(0x04, bytes[26]);
        }

        [Fact]
        public void Uses_fmt2_not_fmt3_right_after_a_fmt0_header()
        {
            byte[] bytes = Encode(
                new RtmpMessage(MessageType.Audio, 40, 1, new byte[1]),
                new RtmpMessage(MessageType.Audio, 80, 1, new byte[1]));
            Assert.Equal(0x84, bytes[13]);
        }

        [Fact]
        public void Repeats_the_extended_timestamp_on_every_continuation_chunk()
        {
            var writer = new ArrayBufferWriter<byte>();
            new ChunkEncoder().Write(writer, 6, new RtmpMessage(MessageType.Video, 0x01020304, 1, new byte[200]));
            byte[] bytes = writer.WrittenSpan.ToArray();

            Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF }, bytes.Skip(1).Take(3).ToArray());
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes.Skip(12).Take(4).ToArray());
            Assert.Equal(0xC6, bytes[16 + 128]);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes.Skip(17 + 128).Take(4).ToArray());
            Assert.Equal(16 + 128 + 5 + 72, bytes.Length);
        }

        [Fact]
        public void Writing_set_chunk_size_changes_the_chunk_size_after_it()
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            encoder.Write(writer, 2, ProtocolControl.SetChunkSize(4096));
            Assert.Equal(4096, encoder.ChunkSize);
            Assert.Equal(16, writer.WrittenCount);

            encoder.Write(writer, 6, new RtmpMessage(MessageType.Video, 0, 1, new byte[4096]));
            Assert.Equal(16 + 12 + 4096, writer.WrittenCount);
        }

        [Fact]
        public void A_malformed_set_chunk_size_to_send_is_refused_before_anything_is_written()
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            var message = new RtmpMessage(MessageType.SetChunkSize, 0, 0, new byte[] { 0x80, 0, 0, 1 });
            Assert.Throws<ArgumentException>(() => encoder.Write(writer, 2, message));
            Assert.Equal(0, writer.WrittenCount);
            Assert.Equal(128, encoder.ChunkSize);
        }

        [Fact]
        public void Reset_makes_the_next_message_use_fmt0()
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            encoder.Write(writer, 4, new RtmpMessage(MessageType.Audio, 0, 1, new byte[1]));
            encoder.Reset(4);
            int before = writer.WrittenCount;
            encoder.Write(writer, 4, new RtmpMessage(MessageType.Audio, 10, 1, new byte[1]));
            Assert.Equal(0x04, writer.WrittenSpan[before]);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(65600)]
        public void Chunk_stream_ids_outside_2_to_65599_are_refused(int chunkStreamId)
        {
            var message = new RtmpMessage(MessageType.Audio, 0, 1, new byte[1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkEncoder().Write(new ArrayBufferWriter<byte>(), chunkStreamId, message));
        }

        private static byte[] Encode(params RtmpMessage[] messages)
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            foreach (RtmpMessage message in messages)
            {
                encoder.Write(writer, 4, message);
            }

            return writer.WrittenSpan.ToArray();
        }

        private static byte[] ProtocolControlBytes(int chunkSize)
        {
            var writer = new ArrayBufferWriter<byte>();
            new ChunkEncoder().Write(writer, 2, ProtocolControl.SetChunkSize(chunkSize));
            return writer.WrittenSpan.ToArray();
        }
    }
}
