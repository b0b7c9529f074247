using System.Linq;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class MergedWriteGateTests
    {
        // Frames of a 2 Mbps stream at 30 fps are about 8 KiB: two gather, the third goes with them.
        [Fact]
        public void A_busy_stream_writes_once_its_frames_reach_the_byte_threshold()
        {
            var gate = new MergedWriteGate(new PlayerQueuePolicy());
            var flushes = Enumerable.Range(0, 9).Select(i => Write(gate, (uint)(i * 33), 8000, players: 500)).ToList();
            Assert.Equal(new[] { false, false, true, false, false, true, false, false, true }, flushes);
        }

        [Fact]
        public void A_thin_stream_waits_no_longer_than_the_time_cap()
        {
            // 500 bytes every 40 ms (100 kbps): bytes never reach 16 KiB, so 100 ms of media decide.
            var gate = new MergedWriteGate(new PlayerQueuePolicy());
            gate.Wrote(0, 500, flush: true);
            var flushes = Enumerable.Range(1, 6).Select(i => Write(gate, (uint)(i * 40), 500, players: 500)).ToList();
            Assert.Equal(new[] { false, false, true, false, false, true }, flushes);
        }

        [Fact]
        public void A_keyframe_over_the_threshold_goes_out_at_once()
        {
            var gate = new MergedWriteGate(new PlayerQueuePolicy());
            Assert.True(Write(gate, 0, 60_000, players: 500));
        }

        [Fact]
        public void Few_players_or_no_threshold_send_every_frame_at_once()
        {
            var few = new MergedWriteGate(new PlayerQueuePolicy());
            Assert.All(Enumerable.Range(0, 5), i => Assert.True(Write(few, (uint)(i * 33), 100, players: 99)));

            var off = new MergedWriteGate(new PlayerQueuePolicy { MergedWriteBytes = 0 });
            Assert.All(Enumerable.Range(0, 5), i => Assert.True(Write(off, (uint)(i * 33), 100, players: 5000)));
        }

        private static bool Write(MergedWriteGate gate, uint timestamp, int bytes, int players)
        {
            var flush = !gate.MayWait(timestamp, bytes, players);
            gate.Wrote(timestamp, bytes, flush);
            return flush;
        }
    }
}
