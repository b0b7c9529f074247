using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Bench.Load.Wire;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Bench;

public sealed class ChunkScannerTests
{
    [Theory]
    [InlineData(1, 128)]
    [InlineData(2, 4096)]
    [InlineData(3, 60)]
    public void Finds_the_same_boundaries_timestamps_and_types_as_the_engine_encoder_wrote(int seed, int chunkSize)
    {
        var random = new Random(seed);
        var (wire, expected) = Encode(random, 300, chunkSize, timestampBase: 0);

        var actual = ScanInPieces(wire, random);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Follows_extended_timestamps_on_every_chunk_format()
    {
        var random = new Random(7);
        var (wire, expected) = Encode(random, 200, 128, timestampBase: 0xFFFF00);

        var actual = ScanInPieces(wire, random);

        Assert.Equal(expected, actual);
        Assert.Contains(actual, m => m.Timestamp > 0xFFFFFF);
    }

    [Fact]
    public void Reads_headers_split_at_every_byte()
    {
        var (wire, expected) = Encode(new Random(11), 40, 128, timestampBase: 0xFFFFF0);
        var scanner = new ChunkScanner();
        var sink = new RecordingSink();
        var pending = new List<byte>();
        foreach (var b in wire)
        {
            pending.Add(b);
            var used = scanner.Scan(pending.ToArray(), sink);
            pending.RemoveRange(0, used);
        }

        Assert.Empty(pending);
        Assert.Equal(expected, sink.Messages);
    }

    [Fact]
    public void Refuses_a_message_longer_than_the_wire_limit()
    {
        var limits = new WireLimits { MaxMessageSize = 1024 };
        var header = new byte[] { 0x06, 0, 0, 0, 0x00, 0x04, 0x01, 9, 1, 0, 0, 0 };

        var error = Assert.Throws<RtmpProtocolException>(() => new ChunkScanner(limits).Scan(header, new RecordingSink()));

        Assert.Contains("1025", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_more_chunk_streams_than_the_limit()
    {
        var limits = new WireLimits { MaxChunkStreams = 4 };
        var output = new ArrayBufferWriter<byte>();
        for (var id = 3; id < 9; id++)
        {
            ChunkEncoder.WriteSelfContained(output, id, 128, new RtmpMessage(MessageType.Audio, 0, 1, new byte[] { 0xAF, 1 }));
        }

        Assert.Throws<RtmpProtocolException>(() => new ChunkScanner(limits).Scan(output.WrittenSpan, new RecordingSink()));
    }

    [Fact]
    public void Refuses_a_continuation_of_a_message_never_started()
    {
        Assert.Throws<RtmpProtocolException>(() => new ChunkScanner().Scan(new byte[] { 0xC6, 1, 2, 3 }, new RecordingSink()));
    }

    [Fact]
    public void Refuses_a_chunk_size_of_zero()
    {
        var zero = new byte[] { 0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0 };

        Assert.Throws<RtmpProtocolException>(() => new ChunkScanner().Scan(zero, new RecordingSink()));
    }

    [Fact]
    public void Random_bytes_raise_only_protocol_errors()
    {
        var random = new Random(1234);
        var limits = new WireLimits { MaxMessageSize = 64 * 1024 };
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(1, 600)];
            random.NextBytes(bytes);
            var scanner = new ChunkScanner(limits);
            try
            {
                var used = scanner.Scan(bytes, new RecordingSink());
                Assert.InRange(used, 0, bytes.Length);
            }
            catch (RtmpProtocolException)
            {
            }
        }
    }

    private static List<ScannedRecord> ScanInPieces(byte[] wire, Random random)
    {
        var scanner = new ChunkScanner();
        var sink = new RecordingSink();
        var buffer = new byte[wire.Length];
        var kept = 0;
        var offset = 0;
        while (offset < wire.Length)
        {
            var count = Math.Min(random.Next(1, 9000), wire.Length - offset);
            Array.Copy(wire, offset, buffer, kept, count);
            offset += count;
            var total = kept + count;
            var used = scanner.Scan(buffer.AsSpan(0, total), sink);
            kept = total - used;
            Array.Copy(buffer, used, buffer, 0, kept);
        }

        Assert.Equal(0, kept);
        return sink.Messages;
    }

    private static (byte[] Wire, List<ScannedRecord> Expected) Encode(Random random, int count, int chunkSize, uint timestampBase)
    {
        var encoder = new ChunkEncoder();
        var output = new ArrayBufferWriter<byte>();
        var expected = new List<ScannedRecord>();
        void Send(int chunkStream, RtmpMessage message)
        {
            encoder.Write(output, chunkStream, message);
            var head = message.Payload.Span.Slice(0, Math.Min(ChunkScanner.HeadLength, message.Payload.Length));
            expected.Add(new ScannedRecord((byte)message.Type, message.Timestamp, message.Payload.Length, message.StreamId, Convert.ToHexString(head)));
        }

        Send(ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(chunkSize));
        var audio = timestampBase;
        var video = timestampBase;
        for (var i = 0; i < count; i++)
        {
            var isVideo = random.Next(3) > 0;
            var length = random.Next(4) switch
            {
                0 => random.Next(0, 8),
                1 => 400,
                _ => random.Next(8, 12000),
            };
            var body = new byte[length];
            random.NextBytes(body);

            // Steady deltas (fmt 3 new messages), changing deltas (fmt 2/1) and jumps back (fmt 0).
            var step = random.Next(10) switch
            {
                0 => (uint)random.Next(0, 1000),
                1 => 0u,
                _ => isVideo ? 33u : 21u,
            };
            if (isVideo)
            {
                video = random.Next(40) == 0 ? timestampBase : video + step;
            }
            else
            {
                audio += step;
            }

            Send(isVideo ? ChunkStreamIds.Video : ChunkStreamIds.Audio, new RtmpMessage(isVideo ? MessageType.Video : MessageType.Audio, isVideo ? video : audio, 1, body));
            if (random.Next(50) == 0)
            {
                Send(ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(random.Next(1, 3) * 128));
            }
            else if (random.Next(60) == 0)
            {
                Send(300 + random.Next(100), new RtmpMessage(MessageType.DataAmf0, video, 1, body.Take(50).ToArray()));
            }
        }

        return (output.WrittenSpan.ToArray(), expected);
    }
}
