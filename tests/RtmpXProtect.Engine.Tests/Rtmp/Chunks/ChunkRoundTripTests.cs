using System;
using System.Buffers;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Chunks
{
    public class ChunkRoundTripTests
    {
        private static readonly MessageType[] Types =
        {
            MessageType.Audio, MessageType.Video, MessageType.DataAmf0, MessageType.CommandAmf0,
            MessageType.UserControl, MessageType.Acknowledgement, MessageType.Aggregate,
        };

        private static readonly int[] ChunkStreams = { 2, 3, 4, 6, 63, 64, 200, 319, 320, 1000, 65599 };

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        public void Random_message_sequences_survive_encoding_and_decoding(int seed)
        {
            var random = new Random(seed);
            var limits = new WireLimits { MaxMessageSize = 16 * 1024 * 1024 - 1 };
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            var sent = new List<RtmpMessage>();
            var clocks = new Dictionary<int, uint>();

            for (int i = 0; i < 300; i++)
            {
                if (random.Next(25) == 0)
                {
                    int size = random.Next(4) == 0 ? random.Next(1, 8) : random.Next(1, 65537);
                    RtmpMessage setChunkSize = ProtocolControl.SetChunkSize(size);
                    encoder.Write(writer, ChunkStreamIds.ProtocolControl, setChunkSize);
                    sent.Add(setChunkSize);
                    continue;
                }

                int chunkStreamId = ChunkStreams[random.Next(ChunkStreams.Length)];
                RtmpMessage message = NextMessage(random, clocks, chunkStreamId, encoder.ChunkSize);
                encoder.Write(writer, chunkStreamId, message);
                sent.Add(message);
            }

            byte[] bytes = writer.WrittenSpan.ToArray();
            ChunkAssert.SameMessages(sent, ChunkAssert.Decode(bytes, () => random.Next(1, 5000), limits));
        }

        [Fact]
        public void Self_contained_frames_interleave_with_compressed_ones_after_reset()
        {
            var encoder = new ChunkEncoder();
            var writer = new ArrayBufferWriter<byte>();
            var sent = new List<RtmpMessage>();
            var random = new Random(11);
            uint timestamp = 0xFFFFF0;
            for (int i = 0; i < 200; i++)
            {
                timestamp += (uint)random.Next(0, 40);
                var message = new RtmpMessage(MessageType.Video, timestamp, 1, SpecVectors.Payload(random.Next(0, 600), i));
                if (random.Next(2) == 0)
                {
                    ChunkEncoder.WriteSelfContained(writer, ChunkStreamIds.Video, encoder.ChunkSize, message);
                    encoder.Reset(ChunkStreamIds.Video);
                }
                else
                {
                    encoder.Write(writer, ChunkStreamIds.Video, message);
                }

                sent.Add(message);
            }

            ChunkAssert.SameMessages(sent, ChunkAssert.Decode(writer.WrittenSpan.ToArray(), () => random.Next(1, 300)));
        }

        private static RtmpMessage NextMessage(Random random, Dictionary<int, uint> clocks, int chunkStreamId, int chunkSize)
        {
            if (!clocks.TryGetValue(chunkStreamId, out uint clock))
            {
                // Start near the 24-bit and 32-bit edges so extended timestamps and the wrap both occur.
                uint[] starts = { 0, 0xFFFFF0, 0xFFFFFFF0, 0x7FFFFFF0 };
                clock = starts[random.Next(starts.Length)];
            }

            switch (random.Next(6))
            {
                case 0: clock = unchecked(clock + (uint)random.Next(0x00FFFFF0, 0x01000010)); break; // extended delta
                case 1: clock = unchecked(clock - (uint)random.Next(1, 100)); break;                 // goes backwards
                case 2: break;                                                                        // same time
                default: clock = unchecked(clock + (uint)random.Next(1, 50)); break;
            }

            clocks[chunkStreamId] = clock;
            int length = random.Next(10) switch
            {
                0 => random.Next(100000, 300001),
                1 => 0,
                2 => chunkSize,
                3 => chunkSize + 1,
                _ => random.Next(1, 2000),
            };
            length = Math.Min(length, 300000);
            MessageType type = Types[random.Next(Types.Length)];
            uint streamId = (uint)random.Next(3);
            var payload = new byte[length];
            random.NextBytes(payload);
            return new RtmpMessage(type, clock, streamId, payload);
        }
    }
}
