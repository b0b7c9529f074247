using RtmpXProtect.Engine.Rtmp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp
{
    public class RtmpTimeTests
    {
        [Theory]
        [InlineData(10u, 5u, true)]
        [InlineData(5u, 10u, false)]
        [InlineData(5u, 5u, false)]
        [InlineData(3u, 0xFFFFFFFEu, true)]
        [InlineData(0xFFFFFFFEu, 3u, false)]
        [InlineData(0x80000000u, 0u, false)]
        [InlineData(0x7FFFFFFFu, 0u, true)]
        public void Is_after_uses_serial_number_order(uint a, uint b, bool expected)
        {
            Assert.Equal(expected, RtmpTime.IsAfter(a, b));
        }

        [Fact]
        public void Delta_is_signed_and_wrap_safe()
        {
            Assert.Equal(5, RtmpTime.Delta(3, 0xFFFFFFFE));
            Assert.Equal(-5, RtmpTime.Delta(0xFFFFFFFE, 3));
            Assert.Equal(40, RtmpTime.Delta(1040, 1000));
        }
    }
}
