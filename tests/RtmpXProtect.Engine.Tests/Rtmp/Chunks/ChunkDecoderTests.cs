using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    public class ChunkDecoderTests
    {
        public static IEnumerable<object[]> SpecSamples()
        {
            yield return new object[] { "audio" };
            yield return new object[] { "video" };
        }

        private static (byte[] Bytes, RtmpMessage[] Messages) Sample(string name) => name == "audio"
            ? (SpecVectors.AudioBytes(), SpecVectors.AudioMessages())
            : (SpecVectors.VideoBytes(), new[] { SpecVectors.VideoMessage() });

        [Theory]
        [MemberData(nameof(SpecSamples))]
        public void Decodes_the_spec_sample_in_one_piece(string name)
        {
            var (bytes, messages) = Sample(name);
            ChunkAssert.SameMessages(messages, ChunkAssert.Decode(bytes));
        }

        [Theory]
        [MemberData(nameof(SpecSamples))]
        public void Decodes_the_spec_sample_one_byte_at_a_time(string name)
        {
            var (bytes, messages) = Sample(name);
            ChunkAssert.SameMessages(messages, ChunkAssert.Decode(bytes, () => 1));
        }

        [Theory]
        [MemberData(nameof(SpecSamples))]
        public void Decodes_the_spec_sample_split_at_every_point(string name)
        {
            var (bytes, messages) = Sample(name);
            for (int split = 0; split <= bytes.Length; split++)
            {
                var decoder = new ChunkDecoder(WireLimits.Default);
                var output = new List<RtmpMessage>();
                decoder.Decode(bytes.AsSpan(0, split), output);
                decoder.Decode(bytes.AsSpan(split), output);
                ChunkAssert.SameMessages(messages, output);
            }
        }

        [Theory]
        [MemberData(nameof(SpecSamples))]
        public void Decodes_the_spec_sample_in_random_pieces(string name)
        {
            var (bytes, messages) = Sample(name);
            var random = new Random(1234);
            for (int i = 0; i < 200; i++)
            {
                ChunkAssert.SameMessages(messages, ChunkAssert.Decode(bytes, () => random.Next(1, 40)));
            }
        }

        [Fact]
        public void Counts_every_byte_received()
        {
            var decoder = new ChunkDecoder(WireLimits.Default);
            var output = new List<RtmpMessage>();
            byte[] bytes = SpecVectors.VideoBytes();
            decoder.Decode(bytes.AsSpan(0, 5), output);
            decoder.Decode(bytes.AsSpan(5), output);
            Assert.Equal((uint)bytes.Length, decoder.BytesReceived);
        }

        [Fact]
        public void Truncated_input_stays_pending_without_error()
        {
            byte[] bytes = SpecVectors.VideoBytes();
            for (int length = 0; length < bytes.Length; length++)
            {
                var decoder = new ChunkDecoder(WireLimits.Default);
                var output = new List<RtmpMessage>();
                decoder.Decode(bytes.AsSpan(0, length), output);
                Assert.Empty(output);
            }
        }

        [Fact]
        public void Reads_two_and_three_byte_basic_headers()
        {
            var bytes = new List<byte>();
            bytes.AddRange(new byte[] { 0x00, 0 });              // fmt 0, csid 64 in the 2-byte form
            bytes.AddRange(Fmt0Fields(5, 1, MessageType.Audio, 1));
            bytes.Add(0xAA);
            bytes.AddRange(new byte[] { 0x01, 0xFF, 0xFF });     // fmt 0, csid 65599 in the 3-byte form
            bytes.AddRange(Fmt0Fields(6, 1, MessageType.Video, 1));
            bytes.Add(0xBB);
            bytes.AddRange(new byte[] { 0xC1, 0x00, 0x00 });     // fmt 3, csid 64 in the 3-byte form
            bytes.Add(0xCC);

            List<RtmpMessage> output = ChunkAssert.Decode(bytes.ToArray(), () => 1);

            Assert.Equal(3, output.Count);
            Assert.Equal(new byte[] { 0xAA }, output[0].Payload.ToArray());
            Assert.Equal(new byte[] { 0xBB }, output[1].Payload.ToArray());
            Assert.Equal(MessageType.Audio, output[2].Type);
            Assert.Equal(10u, output[2].Timestamp); // fmt 3 after fmt 0 reuses the fmt 0 timestamp as delta, as FFmpeg does
        }

        [Fact]
        public void Set_chunk_size_applies_to_the_chunks_after_it()
        {
            var bytes = new List<byte> { 0x02 };
            bytes.AddRange(Fmt0Fields(0, 4, MessageType.SetChunkSize, 0));
            bytes.AddRange(new byte[] { 0x00, 0x00, 0x01, 0x00 }); // 256
            bytes.Add(0x04);
            bytes.AddRange(Fmt0Fields(0, 300, MessageType.Video, 1));
            bytes.AddRange(Enumerable.Repeat((byte)1, 256));
            bytes.Add(0xC4);
            bytes.AddRange(Enumerable.Repeat((byte)2, 44));

            var decoder = new ChunkDecoder(WireLimits.Default);
            var output = new List<RtmpMessage>();
            decoder.Decode(bytes.ToArray(), output);

            Assert.Equal(256, decoder.ChunkSize);
            Assert.Equal(MessageType.SetChunkSize, output[0].Type);
            Assert.Equal(300, output[1].Payload.Length);
        }

        [Fact]
        public void Abort_discards_the_partial_message()
        {
            var bytes = new List<byte> { 0x04 };
            bytes.AddRange(Fmt0Fields(0, 200, MessageType.Video, 1));
            bytes.AddRange(Enumerable.Repeat((byte)1, 128));
            bytes.Add(0x02);
            bytes.AddRange(Fmt0Fields(0, 4, MessageType.Abort, 0));
            bytes.AddRange(new byte[] { 0, 0, 0, 4 });
            bytes.Add(0x44); // fmt 1 on csid 4: a new message, allowed now the partial one is gone
            bytes.AddRange(new byte[] { 0, 0, 40, 0, 0, 3, (byte)MessageType.Video, 7, 8, 9 });

            List<RtmpMessage> output = ChunkAssert.Decode(bytes.ToArray(), () => 1);

            Assert.Equal(2, output.Count);
            Assert.Equal(MessageType.Abort, output[0].Type);
            Assert.Equal(new byte[] { 7, 8, 9 }, output[1].Payload.ToArray());
            Assert.Equal(40u, output[1].Timestamp);
        }

        [Fact]
        public void Interleaved_chunks_of_two_chunk_streams_make_two_messages()
        {
            var bytes = new List<byte> { 0x06 };
            bytes.AddRange(Fmt0Fields(100, 130, MessageType.Video, 1));
            bytes.AddRange(Enumerable.Repeat((byte)6, 128));
            bytes.Add(0x04);
            bytes.AddRange(Fmt0Fields(90, 130, MessageType.Audio, 1));
            bytes.AddRange(Enumerable.Repeat((byte)4, 128));
            bytes.Add(0xC6);
            bytes.AddRange(new byte[] { 6, 6 });
            bytes.Add(0xC4);
            bytes.AddRange(new byte[] { 4, 4 });

            List<RtmpMessage> output = ChunkAssert.Decode(bytes.ToArray(), () => 7);

            Assert.Equal(2, output.Count);
            Assert.Equal(MessageType.Video, output[0].Type);
            Assert.All(output[0].Payload.ToArray(), b => Assert.Equal(6, b));
            Assert.Equal(MessageType.Audio, output[1].Type);
            Assert.All(output[1].Payload.ToArray(), b => Assert.Equal(4, b));
            Assert.Equal(90u, output[1].Timestamp);
        }

        [Fact]
        public void Reads_the_extended_timestamp_repeated_on_fmt3_continuation_chunks()
        {
            byte[] bytes = ExtendedTimestampMessage(0x12345678, repeatOnContinuation: true, out byte[] payload);
            List<RtmpMessage> output = ChunkAssert.Decode(bytes, () => 1);
            Assert.Single(output);
            Assert.Equal(0x12345678u, output[0].Timestamp);
            Assert.Equal(payload, output[0].Payload.ToArray());
        }

        [Fact]
        public void Tolerates_encoders_that_omit_the_extended_timestamp_on_continuation_chunks()
        {
            byte[] bytes = ExtendedTimestampMessage(0x12345678, repeatOnContinuation: false, out byte[] payload);
            List<RtmpMessage> output = ChunkAssert.Decode(bytes, () => 1);
            Assert.Single(output);
            Assert.Equal(0x12345678u, output[0].Timestamp);
            Assert.Equal(payload, output[0].Payload.ToArray());
        }

        [Fact]
        public void A_fmt3_new_message_after_an_extended_delta_reads_the_delta_again()
        {
            var bytes = new List<byte> { 0x05 };
            bytes.AddRange(Fmt0Fields(0xFFFFFF, 1, MessageType.DataAmf0, 1));
            bytes.AddRange(new byte[] { 0xFF, 0xFF, 0xFF, 0xF0 });    // absolute 0xFFFFFFF0
            bytes.Add(1);
            bytes.AddRange(new byte[] { 0x85, 0xFF, 0xFF, 0xFF });    // fmt 2 with extended delta
            bytes.AddRange(new byte[] { 0x01, 0x00, 0x00, 0x20 });
            bytes.Add(2);
            bytes.AddRange(new byte[] { 0xC5, 0x01, 0x00, 0x00, 0x20 }); // fmt 3 new message, delta repeated
            bytes.Add(3);

            List<RtmpMessage> output = ChunkAssert.Decode(bytes.ToArray(), () => 1);

            Assert.Equal(new uint[] { 0xFFFFFFF0, 0x01000010, 0x02000030 }, output.Select(m => m.Timestamp).ToArray());
            Assert.Equal(new byte[] { 1, 2, 3 }, output.Select(m => m.Payload.Span[0]).ToArray());
        }

        [Fact]
        public void Timestamps_wrap_at_two_to_the_32()
        {
            var bytes = new List<byte> { 0x04 };
            bytes.AddRange(Fmt0Fields(0xFFFFFF, 0, MessageType.Audio, 1));
            bytes.AddRange(new byte[] { 0xFF, 0xFF, 0xFF, 0xFE });
            bytes.AddRange(new byte[] { 0x84, 0x00, 0x00, 0x05 });

            List<RtmpMessage> output = ChunkAssert.Decode(bytes.ToArray());

            Assert.Equal(new uint[] { 0xFFFFFFFE, 3 }, output.Select(m => m.Timestamp).ToArray());
        }

        [Theory]
        [InlineData(0x44)]
        [InlineData(0x84)]
        [InlineData(0xC4)]
        public void A_chunk_stream_that_never_started_a_message_is_an_error(byte firstByte)
        {
            var error = Assert.Throws<RtmpProtocolException>(() => ChunkAssert.Decode(new byte[] { firstByte, 0, 0, 0, 0, 0, 0, 0 }));
            Assert.Contains("chunk stream 4 continues a message it never started", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [InlineData(0x04)]
        [InlineData(0x44)]
        [InlineData(0x84)]
        public void A_new_header_over_a_partial_message_is_an_error(byte header)
        {
            var bytes = new List<byte> { 0x04 };
            bytes.AddRange(Fmt0Fields(0, 200, MessageType.Video, 1));
            bytes.AddRange(new byte[128]);
            bytes.Add(header);
            bytes.AddRange(new byte[11]);

            Assert.Throws<RtmpProtocolException>(() => ChunkAssert.Decode(bytes.ToArray()));
        }

        [Fact]
        public void A_message_longer_than_the_limit_is_rejected_at_its_header()
        {
            var limits = new WireLimits { MaxMessageSize = 1024 };
            var bytes = new List<byte> { 0x04 };
            bytes.AddRange(Fmt0Fields(0, 1025, MessageType.Video, 1));

            var error = Assert.Throws<RtmpProtocolException>(() => ChunkAssert.Decode(bytes.ToArray(), () => 100, limits));
            Assert.Contains("1025", error.Message);
        }

        [Fact]
        public void A_message_at_the_limit_is_accepted()
        {
            var limits = new WireLimits { MaxMessageSize = 1024 };
            var encoder = new ChunkEncoder();
            var writer = new System.Buffers.ArrayBufferWriter<byte>();
            encoder.Write(writer, 4, new RtmpMessage(MessageType.Video, 0, 1, new byte[1024]));

            Assert.Single(ChunkAssert.Decode(writer.WrittenSpan.ToArray(), () => 100, limits));
        }

        [Fact]
        public void Too_many_chunk_streams_is_an_error()
        {
            var limits = new WireLimits { MaxChunkStreams = 4 };
            var bytes = new List<byte>();
            for (int csid = 3; csid < 8; csid++)
            {
                bytes.Add((byte)csid);
                bytes.AddRange(Fmt0Fields(0, 0, MessageType.Audio, 1));
            }

            var error = Assert.Throws<RtmpProtocolException>(() => ChunkAssert.Decode(bytes.ToArray(), () => 1, limits));
            Assert.Contains("4 chunk streams", error.Message);
        }

        [Theory]
        [InlineData(0x00000000u)]
        [InlineData(0x80000000u)]
        [InlineData(0x80000080u)]
        public void Invalid_set_chunk_size_is_an_error(uint size)
        {
            Assert.Throws<RtmpProtocolException>(() => ChunkAssert.Decode(SetChunkSizeBytes(size)));
        }

        [Fact]
        public void Set_chunk_size_above_the_limit_is_an_error()
        {
            var limits = new WireLimits { MaxChunkSize = 4096 };
            Assert.Throws<RtmpProtocolException>(() => ChunkAssert.Decode(SetChunkSizeBytes(4097), () => 100, limits));
            Assert.Single(ChunkAssert.Decode(SetChunkSizeBytes(4096), () => 100, limits));
        }

        [Fact]
        public void A_chunk_size_of_one_works()
        {
            var bytes = new List<byte>(SetChunkSizeBytes(1));
            bytes.Add(0x04);
            bytes.AddRange(Fmt0Fields(0, 3, MessageType.Audio, 1));
            bytes.AddRange(new byte[] { 1, 0xC4, 2, 0xC4, 3 });

            List<RtmpMessage> output = ChunkAssert.Decode(bytes.ToArray(), () => 2);

            Assert.Equal(new byte[] { 1, 2, 3 }, output[1].Payload.ToArray());
        }

        [Fact]
        public void Random_bytes_only_raise_protocol_errors()
        {
            var random = new Random(42);
            var limits = new WireLimits { MaxMessageSize = 64 * 1024 };
            for (int i = 0; i < 5000; i++)
            {
                var bytes = new byte[random.Next(1, 400)];
                random.NextBytes(bytes);
                if (i % 2 == 0)
                {
                    bytes[0] &= 0x3F; // a fmt 0 start gets further into the decoder
                }

                try
                {
                    ChunkAssert.Decode(bytes, () => random.Next(1, 64), limits);
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        [Fact]
        public void Mutated_valid_streams_only_raise_protocol_errors()
        {
            var random = new Random(7);
            byte[] valid = SpecVectors.AudioBytes().Concat(SpecVectors.VideoBytes()).ToArray();
            for (int i = 0; i < 3000; i++)
            {
                byte[] bytes = (byte[])valid.Clone();
                for (int flips = random.Next(1, 6); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                try
                {
                    ChunkAssert.Decode(bytes, () => random.Next(1, 64));
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        internal static byte[] Fmt0Fields(uint timestamp, int length, MessageType type, uint streamId) => new byte[]
        {
            (byte)(timestamp >> 16), (byte)(timestamp >> 8), (byte)timestamp,
            (byte)(length >> 16), (byte)(length >> 8), (byte)length,
            (byte)type,
            (byte)streamId, (byte)(streamId >> 8), (byte)(streamId >> 16), (byte)(streamId >> 24),
        };

        private static byte[] SetChunkSizeBytes(uint size)
        {
            var bytes = new List<byte> { 0x02 };
            bytes.AddRange(Fmt0Fields(0, 4, MessageType.SetChunkSize, 0));
            bytes.AddRange(new[] { (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size });
            return bytes.ToArray();
        }

        private static byte[] ExtendedTimestampMessage(uint timestamp, bool repeatOnContinuation, out byte[] payload)
        {
            payload = SpecVectors.Payload(300, 5);
            byte[] extended = { (byte)(timestamp >> 24), (byte)(timestamp >> 16), (byte)(timestamp >> 8), (byte)timestamp };
            var bytes = new List<byte> { 0x06 };
            bytes.AddRange(Fmt0Fields(0xFFFFFF, payload.Length, MessageType.Video, 1));
            bytes.AddRange(extended);
            bytes.AddRange(payload.Take(128));
            for (int offset = 128; offset < payload.Length; offset += 128)
            {
                bytes.Add(0xC6);
                if (repeatOnContinuation)
                {
                    bytes.AddRange(extended);
                }

                bytes.AddRange(payload.Skip(offset).Take(128));
            }

            return bytes.ToArray();
        }
    }
}
