using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Rtmp.Sessions;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Performance
{
    /// <summary>
    /// What one published media message costs in allocations on the publisher's thread, from bytes
    /// in to the framed bytes the players share. Counted per thread, so other tests do not disturb it.
    /// </summary>
    public class HotPathAllocationTests
    {
        private const int ChunkSize = PlayerLikeSink.ChunkSize;

        // Per message beyond the payload and framed bytes: the RtmpMessage, the MediaFrame, its
        // framing record and pooled buffer, and acknowledgements. Measured 207 bytes to two players
        // (7423 before the players' chunks were pooled and their payloads reused: both arrays and 221)
        // and 235 beyond the payload to a sink that keeps frames; one more event (24) or writer
        // object (32), or any copy, would not fit.
        private const long MaxOverheadPerMessage = 240;

        private readonly ITestOutputHelper _output;

        public HotPathAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void A_message_only_players_take_allocates_neither_its_payload_nor_its_framed_bytes()
        {
            // As the server runs it: payloads from the pool, given back once the players took the
            // chunks, and the chunks in one pooled buffer the players' queues let go of once sent.
            var pair = SessionPair.Publishing();
            pair.Server.PooledPayloads = true;
            var stream = NewStream();
            var sink = new PlayerLikeSink();
            stream.Subscribe(sink);
            stream.Subscribe(new PlayerLikeSink());

            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var (allocated, measured) = Publish(pair, stream, sink.Reset);

            _output.WriteLine($"collections during the run (process-wide, gen0/1/2): {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}");
            Assert.Equal(measured.Messages, sink.Frames);
            _output.WriteLine($"{measured.Messages} messages to two players: {allocated} bytes allocated, {allocated / measured.Messages} each (payload {measured.PayloadBytes / measured.Messages}, framed {measured.FramedBytes / measured.Messages} on average)");
            Assert.True(allocated <= MaxOverheadPerMessage * measured.Messages, $"{allocated / measured.Messages} bytes per message; at most {MaxOverheadPerMessage} expected, with no payload and no framed bytes.");
        }

        [Fact]
        public void A_message_a_sink_keeps_allocates_its_payload_and_nothing_framed()
        {
            // A recorder or relay keeps the frame past OnFrame, so its payload cannot go back to the pool.
            var pair = SessionPair.Publishing();
            pair.Server.PooledPayloads = true;
            var stream = NewStream();
            var sink = new KeepingSink();
            stream.Subscribe(sink);

            var (allocated, measured) = Publish(pair, stream, sink.Reset);

            Assert.Equal(measured.Messages, sink.Frames);
            var overhead = allocated - measured.PayloadBytes;
            _output.WriteLine($"{measured.Messages} messages to a keeping sink: {allocated} bytes allocated, {overhead / measured.Messages} each beyond the payload");
            Assert.True(overhead >= 0, "the payloads of kept frames must be arrays of their own");
            Assert.True(overhead <= MaxOverheadPerMessage * measured.Messages, $"{overhead / measured.Messages} bytes per message beyond the payload; at most {MaxOverheadPerMessage} expected.");
        }

        [Fact]
        public void A_message_nothing_live_takes_allocates_no_payload_once_its_buffer_is_recycled()
        {
            // The ingest case: a stream with only its GOP cache, which copies each frame into its slabs.
            // Before (decoder's own arrays) and after (pooled, given back once the cache copied them).
            var before = Unwatched(pooled: false);
            var after = Unwatched(pooled: true);
            _output.WriteLine($"unwatched, per message: {before:F0} bytes allocated with a new payload array each, {after:F0} with pooled payloads");
            Assert.True(before > 2000, $"{before:F0} bytes a message without pooling; the payloads average over 3 KB");
            Assert.True(after <= MaxOverheadPerMessage - 64, $"{after:F0} bytes a message with pooled payloads; no payload and no framing expected");
        }

        private static double Unwatched(bool pooled)
        {
            var pair = SessionPair.Publishing();
            pair.Server.PooledPayloads = pooled;
            var (allocated, measured) = Publish(pair, NewStream(), () => { });
            return allocated / (double)measured.Messages;
        }

        private static LiveStream NewStream()
        {
            // Its own slab pool: tests running beside it take slabs from the shared one, and a slab
            // this stream gave back at a keyframe and found taken would be counted as allocated here.
            var stream = new LiveStream("live/cam1", 32 * 1024 * 1024, new GopSlabPool(64 * 1024 * 1024));
            Assert.True(stream.TryStartPublish(new object()));
            return stream;
        }

        /// <summary>Publishes a warm-up, then the measured messages; the bytes this thread allocated for the latter.</summary>
        private static (long Allocated, (byte[] Bytes, int Messages, long PayloadBytes, long FramedBytes) Measured) Publish(SessionPair pair, LiveStream stream, Action afterWarmUp)
        {
            var streamId = pair.Client.StreamId!.Value;
            var warmUp = Wire(pair, streamId, 0, 300);
            var measured = Wire(pair, streamId, 10_000, 3000);
            var output = new ByteBufferWriter();
            var events = new List<SessionEvent>();
            var media = new List<RtmpMessage>(64);
            Run(pair, stream, warmUp.Bytes, output, events, media);
            afterWarmUp();
            var before = GC.GetAllocatedBytesForCurrentThread();
            Run(pair, stream, measured.Bytes, output, events, media);
            return (GC.GetAllocatedBytesForCurrentThread() - before, measured);
        }

        private static void Run(SessionPair pair, LiveStream stream, byte[] wire, ByteBufferWriter output, List<SessionEvent> events, List<RtmpMessage> media)
        {
            for (var offset = 0; offset < wire.Length; offset += 64 * 1024)
            {
                output.Clear();
                pair.Server.Receive(wire.AsSpan(offset, Math.Min(64 * 1024, wire.Length - offset)), output, events, media);
                Assert.Empty(events);
                foreach (var message in media)
                {
                    // As the server's connection does: what nothing kept goes back to the pool.
                    if (!stream.Deliver(MediaFrame.From(message), WireLimits.Default))
                    {
                        ChunkDecoder.Recycle(message);
                    }
                }

                media.Clear();
            }
        }

        /// <summary>A 30 fps / 43 Hz mix of 8 KB video (a keyframe each second) and 370 B AAC, as the publisher's client sends it.</summary>
        private static (byte[] Bytes, int Messages, long PayloadBytes, long FramedBytes) Wire(SessionPair pair, uint streamId, uint start, int count)
        {
            var output = new ByteBufferWriter(1 << 20);
            if (start == 0)
            {
                pair.Client.SendMedia(ProtocolControl.SetChunkSize(ChunkSize), output);
            }

            long payload = 0;
            long framed = 0;
            for (var i = 0; i < count; i++)
            {
                var video = i % 73 < 30;
                var time = start + (uint)(i * 1000 / 73);
                var body = new byte[video ? 8 * 1024 : 370];
                body.AsSpan().Fill((byte)i);
                body[0] = video ? (i % 73 == 0 ? (byte)0x17 : (byte)0x27) : (byte)0xAF;
                body[1] = 1;
                payload += body.Length;
                framed += ChunkEncoder.SelfContainedLength(body.Length, ChunkSize, video ? ChunkStreamIds.Video : ChunkStreamIds.Audio, time);
                pair.Client.SendMedia(new RtmpMessage(video ? MessageType.Video : MessageType.Audio, time, streamId, body), output);
            }

            return (output.ToArray(), count, payload, framed);
        }

        /// <summary>A sink that keeps the last frame, as a recorder's queue does.</summary>
        private sealed class KeepingSink : IMediaSink
        {
            public int Frames { get; private set; }

            public MediaFrame? Last { get; private set; }

            public void Reset() => Frames = 0;

            public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
            {
            }

            public void OnFrame(MediaFrame frame)
            {
                Last = frame;
                Frames++;
            }

            public void OnStop()
            {
            }
        }
    }
}
