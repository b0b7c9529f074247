using RtmpXProtect.Engine.Media;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class BitReaderTests
    {
        [Fact]
        public void Reads_exp_golomb_codes_from_the_specification_table()
        {
            // H.264 Table 9-2: 1 → 0, 010 → 1, 011 → 2, 00100 → 3, 00111 → 6; se: 010 → +1, 011 → -1.
            var reader = new BitReader(new byte[] { 0b1010_0110, 0b0100_0011, 0b1010_0110 });
            Assert.Equal(0u, reader.ReadUe());
            Assert.Equal(1u, reader.ReadUe());
            Assert.Equal(2u, reader.ReadUe());
            Assert.Equal(3u, reader.ReadUe());
            Assert.Equal(6u, reader.ReadUe());
            Assert.Equal(1, reader.ReadSe());
            Assert.Equal(-1, reader.ReadSe());
        }

        [Fact]
        public void Reading_past_the_end_throws_the_media_exception()
        {
            var reader = new BitReader(new byte[] { 0xFF });
            Assert.Equal(0xFFu, reader.ReadBits(8));
            bool threw = false;
            try
            {
                reader.ReadBit();
            }
            catch (MediaFormatException)
            {
                threw = true;
            }

            Assert.True(threw);
        }

        [Fact]
        public void A_code_with_more_than_31_leading_zeros_is_rejected()
        {
            var reader = new BitReader(new byte[] { 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });
            bool threw = false;
            try
            {
                reader.ReadUe();
            }
            catch (MediaFormatException)
            {
                threw = true;
            }

            Assert.True(threw);
        }

        [Fact]
        public void The_largest_32_bit_code_fits()
        {
            // 31 zeros, a one, then 31 ones: 2^32 - 2.
            var reader = new BitReader(new byte[] { 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE });
            Assert.Equal(uint.MaxValue - 1, reader.ReadUe());
        }
    }
}
