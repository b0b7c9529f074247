using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class ReadBufferSizingTests
    {
        [Fact]
        public void A_keyframe_grows_the_reads_to_64_KiB_in_four_steps_and_no_further()
        {
            var size = ReadBufferSizing.Smallest;
            var sizes = new System.Collections.Generic.List<int>();
            for (var i = 0; i < 6; i++)
            {
                size = ReadBufferSizing.Next(size, size);
                sizes.Add(size);
            }

            Assert.Equal(new[] { 8192, 16384, 32768, 65536, 65536, 65536 }, sizes);
        }

        [Theory]
        [InlineData(65536, 16384, 32768)] // a quarter: halve
        [InlineData(65536, 16385, 65536)] // more than a quarter: keep
        [InlineData(16384, 8192, 16384)] // an 8 KB video frame keeps a 16 KiB read
        [InlineData(4096, 100, 4096)] // never below the smallest
        [InlineData(8192, 0, 4096)]
        public void Reads_that_use_a_quarter_or_less_shrink_it_again(int size, int read, int expected)
        {
            Assert.Equal(expected, ReadBufferSizing.Next(size, read));
        }
    }
}
