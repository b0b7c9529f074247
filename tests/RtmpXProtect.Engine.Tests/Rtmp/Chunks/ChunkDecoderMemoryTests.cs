using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    public class ChunkDecoderMemoryTests
    {
        [Fact]
        public void A_header_announcing_a_huge_message_costs_memory_only_for_bytes_that_arrived()
        {
            var decoder = new ChunkDecoder(new WireLimits());
            var output = new List<RtmpMessage>();

            // Every chunk stream a peer may open announces the largest message, then sends one 128-byte chunk.
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var csid = 3; csid < 3 + 60; csid++)
            {
                decoder.Decode(Fmt0Header(csid, length: 8 * 1024 * 1024 - 1), output);
                decoder.Decode(new byte[128], output);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Assert.Empty(output);
            Assert.True(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated for 7.5 KB received");
        }

        [Fact]
        public void A_large_message_that_arrives_whole_is_assembled_exactly()
        {
            var decoder = new ChunkDecoder(new WireLimits());
            var output = new List<RtmpMessage>();
            var payload = new byte[1_000_000];
            new Random(7).NextBytes(payload);
            var encoded = new Engine.Buffers.ByteBufferWriter();
            ChunkEncoder.WriteSelfContained(encoded, 6, 4096, new RtmpMessage(MessageType.Video, 40, 1, payload));

            // Chunk size 128 on the decoder side is wrong for this framing, so announce 4096 first.
            decoder.Decode(SetChunkSize(4096), output);
            decoder.Decode(encoded.WrittenSpan, output);

            var message = Assert.Single(output, m => m.Type == MessageType.Video);
            Assert.Equal(payload.Length, message.Payload.Length);
            Assert.True(message.Payload.Span.SequenceEqual(payload));
        }

        private static byte[] SetChunkSize(int size)
        {
            var writer = new Engine.Buffers.ByteBufferWriter();
            new ChunkEncoder().Write(writer, ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(size));
            return writer.ToArray();
        }

        private static byte[] Fmt0Header(int csid, int length) => new byte[]
        {
            (byte)csid, 0, 0, 0, (byte)(length >> 16), (byte)(length >> 8), (byte)length, (byte)MessageType.Video, 1, 0, 0, 0,
        };
    }
}
