using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Bench.Micro
{
    /// <summary>Classifying and framing a published second of media, once per message as fan-out does.</summary>
    [MemoryDiagnoser]
    public class FanOutBenchmarks
    {
        private List<RtmpMessage> _messages = new List<RtmpMessage>();

        [GlobalSetup]
        public void Setup() => _messages = MediaMix.OneSecond();

        [Benchmark]
        public long MediaFrameFromAndFramed()
        {
            long total = 0;
            foreach (var message in _messages)
            {
                total += MediaFrame.From(message).Framed(1, MediaMix.ChunkSize).Length;
            }

            return total;
        }
    }
}
