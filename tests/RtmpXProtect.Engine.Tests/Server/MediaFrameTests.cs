using System.Collections.Generic;
using System.Runtime.InteropServices;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class MediaFrameTests
    {
        [Fact]
        public void Framed_returns_the_same_memory_for_every_player_of_a_stream_id_and_chunk_size()
        {
            var frame = Frames.Frame(MessageType.Video, 1234, Frames.Video(true, 10_000, 7), streamId: 1);
            var first = frame.Framed(1, 4096);
            var second = frame.Framed(1, 4096);
            Assert.True(MemoryMarshal.TryGetArray(first, out var a));
            Assert.True(MemoryMarshal.TryGetArray(second, out var b));
            Assert.Same(a.Array, b.Array);
            Assert.Equal(a.Offset, b.Offset);
            Assert.Equal(a.Count, b.Count);
        }

        [Fact]
        public void Framed_for_another_stream_id_or_chunk_size_is_framed_anew()
        {
            var frame = Frames.Frame(MessageType.Video, 0, Frames.Video(true, 500, 7));
            MemoryMarshal.TryGetArray(frame.Framed(1, 4096), out var a);
            MemoryMarshal.TryGetArray(frame.Framed(2, 4096), out var b);
            MemoryMarshal.TryGetArray(frame.Framed(2, 128), out var c);
            Assert.NotSame(a.Array, b.Array);
            Assert.NotSame(b.Array, c.Array);
        }

        [Theory]
        [InlineData(1u, 4096, 10_000u)]
        [InlineData(3u, 128, 0x01_000000u)]
        [InlineData(1u, 4096, 0xFFFF_FFFFu)]
        public void Framed_bytes_decode_back_to_the_message_on_the_players_stream(uint streamId, int chunkSize, uint timestamp)
        {
            var body = Frames.Video(true, 9000, 5);
            var frame = Frames.Frame(MessageType.Video, timestamp, body, streamId: 1);
            var decoder = new ChunkDecoder(WireLimits.Default);
            if (chunkSize != 128)
            {
                var setup = new List<RtmpMessage>();
                var encoder = new Engine.Buffers.ByteBufferWriter();
                ChunkEncoder.WriteSelfContained(encoder, 2, 128, ProtocolControl.SetChunkSize(chunkSize));
                decoder.Decode(encoder.WrittenSpan, setup);
            }

            var decoded = new List<RtmpMessage>();
            // Twice: the second copy must decode on its own too (self-contained, type 0 header).
            decoder.Decode(frame.Framed(streamId, chunkSize).Span, decoded);
            decoder.Decode(frame.Framed(streamId, chunkSize).Span, decoded);
            Assert.Equal(2, decoded.Count);
            Assert.All(decoded, m =>
            {
                Assert.Equal(MessageType.Video, m.Type);
                Assert.Equal(timestamp, m.Timestamp);
                Assert.Equal(streamId, m.StreamId);
                Assert.Equal(body, m.Payload.ToArray());
            });
        }
    }
}
