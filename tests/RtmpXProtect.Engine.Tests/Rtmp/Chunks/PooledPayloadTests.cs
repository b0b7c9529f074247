using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    /// <summary>
    /// A server's decoder rents audio and video payloads from the shared pool and takes them back
    /// once nothing holds them. A payload given back too early or rented twice would show here as
    /// another message's bytes.
    /// </summary>
    public class PooledPayloadTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Messages_recycled_as_they_come_out_stay_intact_until_recycled(int seed)
        {
            var random = new Random(seed);
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            var sent = new List<RtmpMessage>();
            encoder.Write(writer, ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(4096));
            sent.Add(ProtocolControl.SetChunkSize(4096));
            for (var i = 0; i < 400; i++)
            {
                var type = random.Next(5) switch { 0 => MessageType.DataAmf0, 1 or 2 => MessageType.Audio, _ => MessageType.Video };
                var length = random.Next(8) == 0 ? random.Next(65_000, 200_000) : random.Next(0, 9000);
                var payload = new byte[length];
                random.NextBytes(payload);
                var message = new RtmpMessage(type, (uint)(i * 20), 1, payload);
                encoder.Write(writer, type == MessageType.Audio ? ChunkStreamIds.Audio : type == MessageType.Video ? ChunkStreamIds.Video : ChunkStreamIds.Data, message);
                sent.Add(message);
            }

            var bytes = writer.WrittenSpan.ToArray();
            var decoder = new ChunkDecoder(WireLimits.Default) { PooledPayloads = true };
            var output = new List<RtmpMessage>();
            var checkedCount = 0;
            var rented = 0;
            for (var offset = 0; offset < bytes.Length;)
            {
                var count = Math.Min(random.Next(1, 20_000), bytes.Length - offset);
                decoder.Decode(bytes.AsSpan(offset, count), output);
                offset += count;

                // Checked, then given back: the next messages reuse these arrays at once.
                foreach (var message in output)
                {
                    ChunkAssert.SameMessage(sent[checkedCount++], message);
                    Assert.Equal(message.Rented != null, message.Payload.Length > 0 && (message.Type == MessageType.Audio || message.Type == MessageType.Video));
                    rented += message.Rented != null ? 1 : 0;
                    ChunkDecoder.Recycle(message);
                    Assert.Null(message.Rented);
                }

                output.Clear();
            }

            Assert.Equal(sent.Count, checkedCount);
            Assert.True(rented > 200, $"{rented} payloads rented");
            Assert.Equal(0, decoder.PendingBytes);
        }

        [Fact]
        public void A_message_held_by_a_consumer_keeps_its_bytes_while_later_ones_are_recycled()
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            for (var i = 0; i < 50; i++)
            {
                encoder.Write(writer, ChunkStreamIds.Video, new RtmpMessage(MessageType.Video, (uint)i, 1, Enumerable.Repeat((byte)i, 3000).ToArray()));
            }

            var decoder = new ChunkDecoder(WireLimits.Default) { PooledPayloads = true };
            var output = new List<RtmpMessage>();
            decoder.Decode(writer.WrittenSpan, output);
            var held = output[0];
            foreach (var message in output.Skip(1))
            {
                ChunkDecoder.Recycle(message);
            }

            output.Clear();
            decoder.Decode(writer.WrittenSpan, output);
            Assert.All(held.Payload.ToArray(), b => Assert.Equal(0, b));
            Assert.Equal(3000, held.Payload.Length);
        }

        [Fact]
        public void Recycling_twice_or_a_message_no_decoder_rented_does_nothing()
        {
            var own = new RtmpMessage(MessageType.Video, 0, 1, new byte[100]);
            ChunkDecoder.Recycle(own);
            Assert.Null(own.Rented);

            var decoder = new ChunkDecoder(WireLimits.Default) { PooledPayloads = true };
            var output = new List<RtmpMessage>();
            var writer = new ArrayBufferWriter<byte>();
            new ChunkEncoder().Write(writer, ChunkStreamIds.Audio, new RtmpMessage(MessageType.Audio, 0, 1, new byte[370]));
            decoder.Decode(writer.WrittenSpan, output);
            var message = Assert.Single(output);
            Assert.NotNull(message.Rented);
            Assert.Equal(370, message.Payload.Length);
            ChunkDecoder.Recycle(message);
            ChunkDecoder.Recycle(message);
            Assert.Null(message.Rented);
        }

        [Fact]
        public void A_payload_over_a_mebibyte_gets_an_exact_array_of_its_own_even_when_pooling()
        {
            var writer = new ArrayBufferWriter<byte>();
            var encoder = new ChunkEncoder();
            encoder.Write(writer, ChunkStreamIds.Video, new RtmpMessage(MessageType.Video, 0, 1, new byte[1024 * 1024]));
            encoder.Write(writer, ChunkStreamIds.Video, new RtmpMessage(MessageType.Video, 40, 1, new byte[1024 * 1024 + 1]));
            var decoder = new ChunkDecoder(new WireLimits { MaxMessageSize = 4 * 1024 * 1024 }) { PooledPayloads = true };
            var output = new List<RtmpMessage>();
            decoder.Decode(writer.WrittenSpan, output);

            Assert.Equal(2, output.Count);
            Assert.NotNull(output[0].Rented);
            Assert.Null(output[1].Rented);
            Assert.Equal(1024 * 1024 + 1, output[1].Payload.Length);
            ChunkDecoder.Recycle(output[0]);
        }

        [Fact]
        public void Without_pooling_payloads_are_exact_arrays_of_their_own()
        {
            var writer = new ArrayBufferWriter<byte>();
            new ChunkEncoder().Write(writer, ChunkStreamIds.Video, new RtmpMessage(MessageType.Video, 0, 1, new byte[70_000]));
            var output = ChunkAssert.Decode(writer.WrittenSpan.ToArray());
            var message = Assert.Single(output);
            Assert.Null(message.Rented);
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(message.Payload, out var segment));
            Assert.Equal(70_000, segment.Array!.Length);
        }

        [Fact]
        public void An_aborted_pooled_message_gives_its_buffer_back_and_the_next_one_decodes()
        {
            var bytes = new List<byte> { 0x04 };
            bytes.AddRange(new byte[] { 0, 0, 0, 0, 0, 200, (byte)MessageType.Video, 1, 0, 0, 0 });
            bytes.AddRange(Enumerable.Repeat((byte)1, 128));
            bytes.Add(0x02);
            bytes.AddRange(new byte[] { 0, 0, 0, 0, 0, 4, (byte)MessageType.Abort, 0, 0, 0, 0 });
            bytes.AddRange(new byte[] { 0, 0, 0, 4 });
            bytes.Add(0x44);
            bytes.AddRange(new byte[] { 0, 0, 40, 0, 0, 3, (byte)MessageType.Video, 7, 8, 9 });

            var decoder = new ChunkDecoder(WireLimits.Default) { PooledPayloads = true };
            var output = new List<RtmpMessage>();
            decoder.Decode(bytes.ToArray(), output);

            Assert.Equal(2, output.Count);
            Assert.Equal(new byte[] { 7, 8, 9 }, output[1].Payload.ToArray());
            Assert.Equal(0, decoder.PendingBytes);
        }
    }
}
