using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Bench.Micro
{
    /// <summary>
    /// The chunk layer on one second of a 2 Mbps-class stream (see <see cref="MediaMix"/>); divide
    /// <see cref="WireBytes"/> by the mean to get MB/s. Each operation is one whole second of media.
    /// </summary>
    [MemoryDiagnoser]
    public class ChunkBenchmarks
    {
        private byte[] _wire = System.Array.Empty<byte>();
        private List<RtmpMessage> _messages = new List<RtmpMessage>();
        private readonly List<RtmpMessage> _decoded = new List<RtmpMessage>(128);
        private readonly ByteBufferWriter _output = new ByteBufferWriter(1 << 20);

        /// <summary>Bytes on the wire per operation.</summary>
        public int WireBytes => _wire.Length;

        [GlobalSetup]
        public void Setup()
        {
            _wire = MediaMix.OneSecondOnTheWire();
            _messages = MediaMix.OneSecond();
            System.Console.WriteLine($"// wire bytes per op: {_wire.Length}, messages per op: {_messages.Count}");
        }

        /// <summary>Decoding as the server does it: 64 KiB socket reads fed to one decoder.</summary>
        [Benchmark]
        public int Decode()
        {
            var decoder = new ChunkDecoder(WireLimits.Default);
            var wire = _wire;
            for (var offset = 0; offset < wire.Length; offset += 64 * 1024)
            {
                _decoded.Clear();
                decoder.Decode(new System.ReadOnlySpan<byte>(wire, offset, System.Math.Min(64 * 1024, wire.Length - offset)), _decoded);
            }

            return _decoded.Count;
        }

        /// <summary>Header-compressing encoder, as a client publishing.</summary>
        [Benchmark]
        public int EncodeWrite()
        {
            var encoder = new ChunkEncoder();
            _output.Clear();
            encoder.Write(_output, ChunkStreamIds.ProtocolControl, ProtocolControl.SetChunkSize(MediaMix.ChunkSize));
            foreach (var message in _messages)
            {
                encoder.Write(_output, message.Type == MessageType.Audio ? ChunkStreamIds.Audio : ChunkStreamIds.Video, message);
            }

            return _output.WrittenCount;
        }

        /// <summary>Self-contained framing, what fan-out does once per message.</summary>
        [Benchmark]
        public int EncodeSelfContained()
        {
            _output.Clear();
            foreach (var message in _messages)
            {
                ChunkEncoder.WriteSelfContained(_output, message.Type == MessageType.Audio ? ChunkStreamIds.Audio : ChunkStreamIds.Video, MediaMix.ChunkSize, message);
            }

            return _output.WrittenCount;
        }
    }
}
