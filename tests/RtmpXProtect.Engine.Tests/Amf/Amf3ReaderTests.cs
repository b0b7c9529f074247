using System;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    public class Amf3ReaderTests
    {
        private static object? ReadOne(string hex)
        {
            byte[] bytes = Hex.Bytes(hex);
            var reader = new Amf3Reader(bytes, WireLimits.Default);
            object? value = reader.ReadValue();
            Assert.True(reader.IsAtEnd, "the whole vector is one value");
            Assert.Equal(bytes.Length, reader.Position);
            return value;
        }

        [Theory]
        [InlineData("04 00", 0)]
        [InlineData("04 7F", 127)]
        [InlineData("04 81 00", 128)]
        [InlineData("04 FF 7F", 16383)]
        [InlineData("04 81 80 00", 16384)]
        [InlineData("04 FF FF 7F", 2097151)]
        [InlineData("04 80 C0 80 00", 2097152)]
        [InlineData("04 BF FF FF FF", 268435455)]
        [InlineData("04 FF FF FF FF", -1)]
        [InlineData("04 C0 80 80 00", -268435456)]
        public void Reads_u29_integers_sign_extended_as_doubles(string hex, int expected)
        {
            Assert.Equal((double)expected, ReadOne(hex));
        }

        [Fact]
        public void Reads_the_simple_types()
        {
            Assert.Same(AmfUndefined.Value, ReadOne("00"));
            Assert.Null(ReadOne("01"));
            Assert.Equal(false, ReadOne("02"));
            Assert.Equal(true, ReadOne("03"));
            Assert.Equal(1.5, ReadOne("05 3F F8 00 00 00 00 00 00"));
            Assert.Equal("hi", ReadOne("06 05 68 69"));
            Assert.Equal("", ReadOne("06 01"));
            Assert.Equal(new AmfXmlDocument("<a/>"), ReadOne("07 09 3C 61 2F 3E"));
            Assert.Equal(new AmfXmlDocument("<b/>"), ReadOne("0B 09 3C 62 2F 3E"));
            Assert.Equal(new byte[] { 0xDE, 0xAD }, ReadOne("0C 05 DE AD"));
            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 1, DateTimeKind.Utc), ReadOne("08 01 40 8F 40 00 00 00 00 00"));
        }

        [Fact]
        public void String_references_resolve_and_the_empty_string_is_never_a_reference()
        {
            // ["hi", ref 0, "", ref 0]: the empty string does not take table slot 1.
            var array = Assert.IsType<object?[]>(ReadOne("09 09 01 06 05 68 69 06 00 06 01 06 00"));

            Assert.Equal(new object?[] { "hi", "hi", "", "hi" }, array);
        }

        [Fact]
        public void A_string_reference_past_the_table_is_rejected()
        {
            var error = Assert.Throws<AmfFormatException>(() => ReadOne("06 02"));
            Assert.Contains("string reference 1", error.Message);
        }

        [Fact]
        public void Traits_references_give_objects_the_same_sealed_members()
        {
            // [ {a: 1} sealed, {a: 2} by traits reference 0, object reference 1 ]
            var array = Assert.IsType<object?[]>(ReadOne("09 07 01 0A 13 01 03 61 04 01 0A 01 04 02 0A 02"));

            var first = Assert.IsType<AmfObject>(array[0]);
            var second = Assert.IsType<AmfObject>(array[1]);
            Assert.Equal(1.0, first["a"]);
            Assert.Equal(2.0, second["a"]);
            Assert.Same(first, array[2]);
        }

        [Fact]
        public void Sealed_then_dynamic_members_of_a_typed_object()
        {
            // class "Foo", dynamic, one sealed member "a"; then dynamic "b".
            var obj = Assert.IsType<AmfObject>(ReadOne("0A 1B 07 46 6F 6F 03 61 04 05 03 62 06 03 78 01"));

            Assert.Equal("Foo", obj.ClassName);
            AmfAssert.Equivalent(new AmfObject { ClassName = "Foo", ["a"] = 5.0, ["b"] = "x" }, obj);
        }

        [Fact]
        public void A_mixed_array_puts_associative_pairs_before_dense_elements()
        {
            var array = ReadOne("09 05 03 6B 06 03 76 01 04 07 04 08");

            AmfAssert.Equivalent(new AmfEcmaArray { { "k", "v" }, { "0", 7.0 }, { "1", 8.0 } }, array);
        }

        [Fact]
        public void A_dense_array_may_refer_to_itself()
        {
            var array = Assert.IsType<object?[]>(ReadOne("09 03 01 09 00"));

            Assert.Same(array, array[0]);
        }

        [Fact]
        public void Date_xml_and_byte_array_references_resolve()
        {
            var array = Assert.IsType<object?[]>(ReadOne("09 09 01 08 01 00 00 00 00 00 00 00 00 0C 03 AA 08 02 0C 04"));

            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), array[0]);
            Assert.Equal(array[0], array[2]);
            Assert.Same(array[1], array[3]);
        }

        [Fact]
        public void Externalizable_objects_are_rejected_by_name()
        {
            var error = Assert.Throws<AmfFormatException>(() => ReadOne("0A 07 07 46 6F 6F"));
            Assert.Equal("externalizable AMF3 objects are not supported", error.Message);
        }

        [Theory]
        [InlineData("0D 03 00 00 00 00 00")]
        [InlineData("0E 03 00 00 00 00 00")]
        [InlineData("0F 03 00 00 00 00 00 00 00 00 00 00")]
        [InlineData("10 03 00 01 01")]
        [InlineData("11 01 00")]
        public void Vectors_and_dictionaries_are_rejected(string hex)
        {
            var error = Assert.Throws<AmfFormatException>(() => ReadOne(hex));
            Assert.Contains("not supported", error.Message);
        }

        [Fact]
        public void Read_all_shares_reference_tables_between_values()
        {
            var values = Amf3Reader.ReadAll(Hex.Bytes("06 05 68 69 06 00"), WireLimits.Default);

            Assert.Equal(new object?[] { "hi", "hi" }, values);
        }
    }
}
