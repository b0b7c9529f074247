using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Messages
{
    public class AcknowledgementTrackerTests
    {
        [Fact]
        public void Sends_nothing_without_a_window()
        {
            var tracker = new AcknowledgementTracker();
            Assert.False(tracker.ShouldAcknowledge(10_000_000, out _));
        }

        [Fact]
        public void Sends_ack_after_window_bytes_once()
        {
            var tracker = new AcknowledgementTracker { WindowSize = 1000 };
            Assert.False(tracker.ShouldAcknowledge(999, out _));
            Assert.True(tracker.ShouldAcknowledge(1000, out uint sequence));
            Assert.Equal(1000u, sequence);
            Assert.False(tracker.ShouldAcknowledge(1500, out _));
            Assert.True(tracker.ShouldAcknowledge(2600, out sequence));
            Assert.Equal(2600u, sequence);
        }

        [Fact]
        public void Keeps_acknowledging_across_the_4_GiB_wrap()
        {
            var tracker = new AcknowledgementTracker { WindowSize = 1000 };
            Assert.True(tracker.ShouldAcknowledge(0xFFFFFF00, out _));
            Assert.False(tracker.ShouldAcknowledge(0xFFFFFFFF, out _));
            Assert.False(tracker.ShouldAcknowledge(100, out _)); // 356 bytes since the last ack
            Assert.True(tracker.ShouldAcknowledge(800, out uint sequence));
            Assert.Equal(800u, sequence);
            Assert.False(tracker.ShouldAcknowledge(1700, out _));
            Assert.True(tracker.ShouldAcknowledge(1800, out _));
        }
    }
}
