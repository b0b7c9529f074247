using System;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class ReceiveBatchingTests
    {
        private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan Sweep = TimeSpan.FromMilliseconds(250);

        [Theory]
        [InlineData(1_000_000, 12 * 1024)] // 12.5 KB in 100 ms, rounded down
        [InlineData(900_000, 8 * 1024)] // 11.25 KB
        [InlineData(2_000_000, 16 * 1024)] // 25 KB, capped
        [InlineData(50_000_000, 16 * 1024)]
        [InlineData(200_000, 2 * 1024)] // 2.5 KB
        [InlineData(300_000, 3 * 1024)] // 3.75 KB
        [InlineData(150_000, 0)] // 1.9 KB: too little to batch
        [InlineData(0, 0)] // a publish whose first second is not over
        public void The_mark_is_100_ms_of_the_stream_rounded_down_to_a_step_between_2_and_16_KiB(long bitsPerSecond, int expected)
        {
            Assert.Equal(expected, ReceiveBatching.BytesFor(bitsPerSecond, Delay, TimeSpan.FromMilliseconds(10), Sweep));
        }

        [Fact]
        public void A_publisher_quiet_for_longer_than_a_sweep_is_read_at_once_so_a_last_command_is_not_left_waiting()
        {
            Assert.Equal(12 * 1024, ReceiveBatching.BytesFor(1_000_000, Delay, Sweep, Sweep));
            Assert.Equal(0, ReceiveBatching.BytesFor(1_000_000, Delay, Sweep + TimeSpan.FromTicks(1), Sweep));
        }

        [Fact]
        public void No_delay_turns_batching_off()
        {
            Assert.Equal(0, ReceiveBatching.BytesFor(10_000_000, TimeSpan.Zero, TimeSpan.Zero, Sweep));
        }

        [Fact]
        public void A_bitrate_that_wobbles_keeps_its_mark()
        {
            var bitrates = new[] { 1_000_000L, 1_100_000, 1_250_000, 1_300_000 };
            Assert.All(bitrates, bits => Assert.Equal(12 * 1024, ReceiveBatching.BytesFor(bits, Delay, TimeSpan.Zero, Sweep)));
        }
    }
}
