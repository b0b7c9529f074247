using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    public class AmfHostileInputTests
    {
        private static readonly WireLimits Limits = WireLimits.Default;

        public static IEnumerable<object[]> SingleAmf0Values() => new[]
        {
            new object[] { "connect command object", AmfSamples.ConnectPayload().Skip(19).ToArray() },
            new object[] { "onMetaData", AmfSamples.OnMetaDataArray() },
            new object[] { "AMF3 object via 0x11", new byte[] { 0x11 }.Concat(AmfSamples.Amf3Object()).ToArray() },
            new object[] { "date", Hex.Bytes("0B 42 6D 1A 94 A2 00 00 00 FF C4") },
            new object[] { "long string", Hex.Bytes("0C 00 00 00 02 61 62") },
            new object[] { "typed object", Hex.Bytes("10 00 03 46 6F 6F 00 01 78 02 00 01 79 00 00 09") },
        };

        [Theory]
        [MemberData(nameof(SingleAmf0Values))]
        public void A_value_cut_at_any_byte_is_a_format_error(string name, byte[] value)
        {
            Assert.NotNull(new Amf0Reader(value, Limits).ReadValue()); // the vector itself is valid
            for (int length = 0; length < value.Length; length++)
            {
                byte[] prefix = value.Take(length).ToArray();
                var error = Assert.Throws<AmfFormatException>(() => new Amf0Reader(prefix, Limits).ReadValue());
                Assert.True(error.Message.Length > 0, name);
            }
        }

        [Fact]
        public void An_amf3_value_cut_at_any_byte_is_a_format_error()
        {
            byte[] value = AmfSamples.Amf3Object();
            for (int length = 0; length < value.Length; length++)
            {
                byte[] prefix = value.Take(length).ToArray();
                Assert.Throws<AmfFormatException>(() => new Amf3Reader(prefix, Limits).ReadValue());
            }
        }

        [Fact]
        public void The_connect_payload_cut_anywhere_fails_or_yields_fewer_values()
        {
            byte[] payload = AmfSamples.ConnectPayload();
            for (int length = 0; length < payload.Length; length++)
            {
                byte[] prefix = payload.Take(length).ToArray();
                try
                {
                    Assert.True(Amf0Reader.ReadAll(prefix, Limits).Count < 3);
                }
                catch (AmfFormatException)
                {
                }
            }
        }

        [Theory]
        [InlineData("02 FF FF", "longer than")]                   // 65 535 > a 256-byte limit
        [InlineData("0C FF FF FF FF", "longer than")]             // 4 GiB long string
        [InlineData("0F 7F FF FF FF", "longer than")]             // 2 GiB XML document
        [InlineData("0A FF FF FF FF", "more than")]               // 4 G elements
        [InlineData("0A 00 00 00 10", "runs past the end")]       // 16 elements, no bytes
        [InlineData("10 FF FF", "longer than")]                   // class name
        [InlineData("03 FF FF", "longer than")]                   // property name
        [InlineData("11 06 FF FF FF FF", "longer than")]          // AMF3 string of 2^28 - 1 bytes
        [InlineData("11 0C FF FF FF FF", "longer than")]          // AMF3 byte array
        [InlineData("11 09 FF FF FF FF", "more than")]            // AMF3 dense array
        [InlineData("11 0A FF FF FF FB", "more than")]            // AMF3 traits with 2^24 sealed members
        [InlineData("11 09 21 01", "runs past the end")]          // AMF3 16 elements, no bytes
        public void Oversized_lengths_and_counts_are_rejected_before_allocating(string hex, string expected)
        {
            var limits = new WireLimits { MaxAmfStringLength = 256, MaxAmfItems = 64 };

            var error = Assert.Throws<AmfFormatException>(() => Amf0Reader.ReadAll(Hex.Bytes(hex), limits));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void An_ecma_array_with_more_properties_than_the_limit_is_rejected()
        {
            var builder = new Amf0Bytes().EcmaArrayStart(0);
            for (int i = 0; i < 17; i++)
            {
                builder.Key("k" + i).Null();
            }

            byte[] bytes = builder.ObjectEnd().ToArray();

            Assert.Single(Amf0Reader.ReadAll(bytes, new WireLimits { MaxAmfItems = 17 }));
            var error = Assert.Throws<AmfFormatException>(() => Amf0Reader.ReadAll(bytes, new WireLimits { MaxAmfItems = 16 }));
            Assert.Contains("more than 16", error.Message);
        }

        [Fact]
        public void More_objects_than_the_reference_limit_are_rejected()
        {
            var builder = new Amf0Bytes().StrictArrayStart(16);
            for (int i = 0; i < 16; i++)
            {
                builder.ObjectStart().ObjectEnd();
            }

            byte[] bytes = builder.ToArray();

            Assert.Single(Amf0Reader.ReadAll(bytes, new WireLimits { MaxAmfReferences = 17 }));
            var error = Assert.Throws<AmfFormatException>(() => Amf0Reader.ReadAll(bytes, new WireLimits { MaxAmfReferences = 16 }));
            Assert.Contains("more than 16", error.Message);
        }

        [Fact]
        public void More_amf3_strings_than_the_reference_limit_are_rejected()
        {
            var bytes = new List<byte> { 0x09, 17 << 1 | 1, 0x01 };
            for (int i = 0; i < 17; i++)
            {
                bytes.AddRange(new byte[] { 0x06, 0x03, (byte)('a' + i) });
            }

            var error = Assert.Throws<AmfFormatException>(() => new Amf3Reader(bytes.ToArray(), new WireLimits { MaxAmfReferences = 16 }).ReadValue());
            Assert.Contains("string reference table", error.Message);
        }

        [Theory]
        [InlineData("03 00 01 61", "00 00 09")]          // AMF0 object {a: ...}
        [InlineData("0A 00 00 00 01", "")]               // AMF0 strict array [..]
        [InlineData("08 00 00 00 01 00 01 61", "00 00 09")] // AMF0 ECMA array
        public void Amf0_nesting_at_the_limit_is_read_and_one_deeper_is_rejected(string open, string close)
        {
            Assert.NotNull(new Amf0Reader(Nested(open, close, 32, "05"), Limits).ReadValue());

            var error = Assert.Throws<AmfFormatException>(() => new Amf0Reader(Nested(open, close, 33, "05"), Limits).ReadValue());
            Assert.Equal("AMF nesting deeper than 32", error.Message);
        }

        [Theory]
        [InlineData("0A 0B 01 03 61", "01")]  // AMF3 dynamic object {a: ...}
        [InlineData("09 03 01", "")]          // AMF3 dense array [..]
        [InlineData("09 01 03 61", "01")]     // AMF3 associative array
        public void Amf3_nesting_at_the_limit_is_read_and_one_deeper_is_rejected(string open, string close)
        {
            Assert.NotNull(new Amf3Reader(Nested(open, close, 32, "01"), Limits).ReadValue());

            var error = Assert.Throws<AmfFormatException>(() => new Amf3Reader(Nested(open, close, 33, "01"), Limits).ReadValue());
            Assert.Equal("AMF nesting deeper than 32", error.Message);
        }

        [Fact]
        public void Amf3_nesting_inside_amf0_counts_from_the_amf0_depth()
        {
            byte[] amf0 = Nested("03 00 01 61", "00 00 09", 20, "11 " + Hex.Of(Nested("09 03 01", "", 12, "01")));
            byte[] deeper = Nested("03 00 01 61", "00 00 09", 20, "11 " + Hex.Of(Nested("09 03 01", "", 13, "01")));

            Assert.NotNull(new Amf0Reader(amf0, Limits).ReadValue());
            Assert.Throws<AmfFormatException>(() => new Amf0Reader(deeper, Limits).ReadValue());
        }

        [Fact]
        public void A_million_levels_of_nesting_fail_fast_without_overflowing_the_stack()
        {
            byte[] open = Hex.Bytes("0A 00 00 00 01");
            byte[] bytes = Enumerable.Repeat(open, 200_000).SelectMany(b => b).ToArray();

            Assert.Throws<AmfFormatException>(() => new Amf0Reader(bytes, Limits).ReadValue());
            Assert.Throws<AmfFormatException>(() => new Amf3Reader(Enumerable.Repeat((byte)0x0A, 1_000_000).Select((b, i) => i % 2 == 0 ? (byte)0x09 : (byte)0x03).ToArray(), Limits).ReadValue());
        }

        [Fact]
        public void Random_bytes_only_ever_raise_format_errors()
        {
            var random = new Random(20240229);
            var limits = new WireLimits { MaxAmfStringLength = 4096, MaxAmfItems = 64, MaxAmfReferences = 64, MaxAmfDepth = 8 };
            for (int i = 0; i < 5000; i++)
            {
                byte[] buffer = new byte[random.Next(0, 96)];
                random.NextBytes(buffer);
                for (int j = 0; j < buffer.Length; j++)
                {
                    // Mostly small bytes, so markers, lengths and counts are plausible and the
                    // readers get deep into structures instead of failing on the first byte.
                    if (random.Next(3) != 0)
                    {
                        buffer[j] = (byte)random.Next(0, 0x13);
                    }
                }

                ReadBoth(buffer, limits);
            }
        }

        [Fact]
        public void Mutated_real_payloads_only_ever_raise_format_errors()
        {
            var random = new Random(1935);
            byte[][] seeds =
            {
                AmfSamples.ConnectPayload(),
                AmfSamples.OnMetaDataArray(),
                new byte[] { 0x11 }.Concat(AmfSamples.Amf3Object()).ToArray(),
                Hex.Bytes("11 09 07 01 0A 13 01 03 61 04 01 0A 01 04 02 0A 02"),
            };
            for (int i = 0; i < 5000; i++)
            {
                byte[] buffer = (byte[])seeds[i % seeds.Length].Clone();
                int flips = random.Next(1, 4);
                for (int f = 0; f < flips; f++)
                {
                    buffer[random.Next(buffer.Length)] = (byte)random.Next(256);
                }

                ReadBoth(buffer, Limits);
            }
        }

        private static void ReadBoth(byte[] buffer, WireLimits limits)
        {
            try
            {
                Amf0Reader.ReadAll(buffer, limits);
            }
            catch (AmfFormatException)
            {
            }

            try
            {
                Amf3Reader.ReadAll(buffer, limits);
            }
            catch (AmfFormatException)
            {
            }
        }

        private static byte[] Nested(string open, string close, int levels, string innermost)
        {
            string hex = string.Concat(Enumerable.Repeat(open + " ", levels)) + innermost + " " + string.Concat(Enumerable.Repeat(close + " ", levels));
            return Hex.Bytes(hex);
        }
    }
}
