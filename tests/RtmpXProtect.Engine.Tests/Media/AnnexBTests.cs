using System;
using System.Buffers;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Nal;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    public class AnnexBTests
    {
        [Fact]
        public void Finds_units_after_3_and_4_byte_start_codes()
        {
            var stream = new byte[] { 0, 0, 0, 1, 0x67, 0x64, 0, 0, 1, 0x68, 0xEB, 0, 0, 0, 1, 0x65, 0x88, 0x84, 0 };
            var units = AnnexB.FindNalUnits(stream);
            Assert.Equal(3, units.Count);
            Assert.Equal((4, 2), (units[0].Offset, units[0].Length));
            Assert.Equal((9, 2), (units[1].Offset, units[1].Length));
            Assert.Equal((15, 3), (units[2].Offset, units[2].Length));
        }

        [Fact]
        public void Ignores_leading_garbage_and_empty_units()
        {
            var stream = new byte[] { 0xFF, 0, 0, 1, 0, 0, 1, 0x09, 0xF0 };
            var unit = Assert.Single(AnnexB.FindNalUnits(stream));
            Assert.Equal(7, unit.Offset);
            Assert.Empty(AnnexB.FindNalUnits(new byte[] { 1, 2, 3, 0, 0 }));
            Assert.Empty(AnnexB.FindNalUnits(Array.Empty<byte>()));
        }

        [Fact]
        public void Keeps_emulation_prevention_bytes_inside_units()
        {
            var stream = new byte[] { 0, 0, 1 }.AsSpan().ToArray();
            var sps = Hex(AvcSps720);
            var buffer = new byte[3 + sps.Length];
            stream.CopyTo(buffer, 0);
            sps.CopyTo(buffer, 3);
            var unit = Assert.Single(AnnexB.FindNalUnits(buffer));
            Assert.Equal(sps.Length, unit.Length);
        }

        [Fact]
        public void Annex_b_to_length_prefixed_and_back_keeps_every_unit()
        {
            var sps = Hex(AvcSps720);
            var pps = Hex(AvcPps);
            var annexB = Concat(new byte[] { 0, 0, 0, 1 }, sps, new byte[] { 0, 0, 1 }, pps);
            var avcc = new ArrayBufferWriter<byte>();
            int written = AnnexB.ToLengthPrefixed(annexB, avcc);
            Assert.Equal(4 + sps.Length + 4 + pps.Length, written);
            Assert.Equal(Concat(new byte[] { 0, 0, 0, (byte)sps.Length }, sps, new byte[] { 0, 0, 0, (byte)pps.Length }, pps), avcc.WrittenSpan.ToArray());

            var back = new ArrayBufferWriter<byte>();
            AnnexB.ToAnnexB(avcc.WrittenSpan, 4, back);
            Assert.Equal(Concat(new byte[] { 0, 0, 0, 1 }, sps, new byte[] { 0, 0, 0, 1 }, pps), back.WrittenSpan.ToArray());
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Converts_short_length_prefixes(int size)
        {
            var nal = new byte[] { 0x65, 1, 2, 3 };
            var input = new byte[size + nal.Length];
            input[size - 1] = (byte)nal.Length;
            nal.CopyTo(input, size);
            var output = new ArrayBufferWriter<byte>();
            AnnexB.ToAnnexB(input, size, output);
            Assert.Equal(Concat(new byte[] { 0, 0, 0, 1 }, nal), output.WrittenSpan.ToArray());
        }

        [Fact]
        public void A_length_past_the_end_throws()
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.Throws<MediaFormatException>(() => AnnexB.ToAnnexB(new byte[] { 0, 0, 0, 9, 0x65, 1 }, 4, output));
            Assert.Throws<MediaFormatException>(() => AnnexB.ToAnnexB(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x65 }, 4, output));
            Assert.Throws<MediaFormatException>(() => AnnexB.ToAnnexB(new byte[] { 0, 0, 0, 1, 0x65, 0, 0 }, 4, output));
        }

        [Fact]
        public void Length_prefixed_units_are_found_in_place_and_empty_ones_skipped()
        {
            var data = new byte[] { 0, 0, 0, 3, 0x65, 1, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0x41, 9 };

            var units = AnnexB.FindLengthPrefixed(data, 4);

            Assert.Equal(new[] { (4, 3), (15, 2) }, units.ConvertAll(u => (u.Offset, u.Length)));
            Assert.Throws<MediaFormatException>(() => AnnexB.FindLengthPrefixed(data.AsSpan(0, 16), 4));
            Assert.Throws<MediaFormatException>(() => AnnexB.FindLengthPrefixed(data.AsSpan(0, 9), 4));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => AnnexB.FindLengthPrefixed(data, 5));
        }

        [Fact]
        public void Every_truncation_of_length_prefixed_data_throws_or_converts()
        {
            var data = new byte[] { 0, 0, 0, 3, 0x65, 1, 2, 0, 0, 0, 2, 0x41, 9 };
            for (int length = 0; length <= data.Length; length++)
            {
                bool boundary = length == 0 || length == 7 || length == data.Length;
                var output = new ArrayBufferWriter<byte>();
                if (boundary)
                {
                    AnnexB.ToAnnexB(data.AsSpan(0, length), 4, output);
                }
                else
                {
                    Assert.Throws<MediaFormatException>(() => AnnexB.ToAnnexB(data.AsSpan(0, length), 4, output));
                }
            }
        }

        [Fact]
        public void Nal_length_size_outside_1_to_4_is_an_argument_error()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => AnnexB.ToAnnexB(new byte[1], 0, new ArrayBufferWriter<byte>()));
            Assert.Throws<ArgumentOutOfRangeException>(() => AnnexB.ToAnnexB(new byte[1], 5, new ArrayBufferWriter<byte>()));
        }

        private static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            foreach (var part in parts)
            {
                length += part.Length;
            }

            var result = new byte[length];
            int offset = 0;
            foreach (var part in parts)
            {
                part.CopyTo(result, offset);
                offset += part.Length;
            }

            return result;
        }
    }
}
