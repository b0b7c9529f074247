using BenchmarkDotNet.Attributes;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Amf;

namespace RtmpXProtect.Bench.Micro
{
    /// <summary>AMF0 reads a server does per connection (connect) and per publish (onMetaData).</summary>
    [MemoryDiagnoser]
    public class AmfBenchmarks
    {
        private byte[] _connect = System.Array.Empty<byte>();
        private byte[] _metadata = System.Array.Empty<byte>();

        [GlobalSetup]
        public void Setup()
        {
            _connect = MediaMix.ConnectCommand();
            _metadata = MediaMix.OnMetaData();
        }

        [Benchmark]
        public int ReadConnect() => Amf0Reader.ReadAll(_connect, WireLimits.Default).Count;

        [Benchmark]
        public int ReadOnMetaData() => Amf0Reader.ReadAll(_metadata, WireLimits.Default).Count;
    }
}
