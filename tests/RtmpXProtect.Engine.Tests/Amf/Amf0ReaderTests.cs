using System;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    public class Amf0ReaderTests
    {
        private static object? ReadOne(string hex) => ReadOne(Hex.Bytes(hex));

        private static object? ReadOne(byte[] bytes)
        {
            var reader = new Amf0Reader(bytes, WireLimits.Default);
            object? value = reader.ReadValue();
            Assert.True(reader.IsAtEnd, "the whole vector is one value");
            Assert.Equal(bytes.Length, reader.Position);
            return value;
        }

        [Fact]
        public void Reads_the_spec_vectors_for_scalars()
        {
            Assert.Equal(1.0, ReadOne("00 3F F0 00 00 00 00 00 00"));
            Assert.Equal(-2.5, ReadOne("00 C0 04 00 00 00 00 00 00"));
            Assert.Equal("a", ReadOne("02 00 01 61"));
            Assert.Equal("", ReadOne("02 00 00"));
            Assert.Equal(true, ReadOne("01 01"));
            Assert.Equal(false, ReadOne("01 00"));
            Assert.Equal(true, ReadOne("01 7F"));
            Assert.Null(ReadOne("05"));
            Assert.Same(AmfUndefined.Value, ReadOne("06"));
            Assert.Same(AmfUndefined.Value, ReadOne("0D"));
            Assert.Equal("héllo", ReadOne("0C 00 00 00 06 68 C3 A9 6C 6C 6F"));
            Assert.Equal(new AmfXmlDocument("<a/>"), ReadOne("0F 00 00 00 04 3C 61 2F 3E"));
        }

        [Fact]
        public void Reads_a_date_as_utc_and_ignores_the_time_zone()
        {
            // 1 000 000 000 000 ms = 2001-09-09T01:46:40Z; time zone field -60 (0xFFC4).
            object? value = ReadOne("0B 42 6D 1A 94 A2 00 00 00 FF C4");

            var date = Assert.IsType<DateTime>(value);
            Assert.Equal(new DateTime(2001, 9, 9, 1, 46, 40, DateTimeKind.Utc), date);
            Assert.Equal(DateTimeKind.Utc, date.Kind);
        }

        [Fact]
        public void Reads_an_object_and_a_typed_object()
        {
            var obj = Assert.IsType<AmfObject>(ReadOne("03 00 01 61 00 3F F0 00 00 00 00 00 00 00 00 09"));
            Assert.Null(obj.ClassName);
            Assert.Equal(1.0, obj.GetNumber("a"));

            var typed = Assert.IsType<AmfObject>(ReadOne("10 00 03 46 6F 6F 00 01 78 02 00 01 79 00 00 09"));
            Assert.Equal("Foo", typed.ClassName);
            Assert.Equal("y", typed.GetString("x"));
        }

        [Fact]
        public void Reads_ffmpegs_connect_command()
        {
            var values = Amf0Reader.ReadAll(AmfSamples.ConnectPayload(), WireLimits.Default);

            Assert.Equal(3, values.Count);
            Assert.Equal("connect", values[0]);
            Assert.Equal(1.0, values[1]);
            AmfAssert.Equivalent(AmfSamples.ConnectCommandObject(), values[2]);
            var command = Assert.IsType<AmfObject>(values[2]);
            Assert.Equal(AmfSamples.TcUrl, command.GetString("tcUrl"));
            Assert.Equal(new object?[] { "av01", "vp09", "hvc1" }, Assert.IsType<object?[]>(command["fourCcList"]));
        }

        [Fact]
        public void Reads_a_set_data_frame_with_onmetadata()
        {
            byte[] payload = new Amf0Bytes().String("@setDataFrame").String("onMetaData").Raw(AmfSamples.OnMetaDataArray()).ToArray();

            var values = Amf0Reader.ReadAll(payload, WireLimits.Default);

            Assert.Equal(new object?[] { "@setDataFrame", "onMetaData" }, values.Take(2));
            AmfAssert.Equivalent(AmfSamples.OnMetaData(), values[2]);
        }

        [Fact]
        public void An_ecma_array_count_is_only_a_hint()
        {
            byte[] wrongCount = new Amf0Bytes().EcmaArrayStart(0).Key("a").Number(1).Key("b").Null().ObjectEnd().ToArray();

            var array = Assert.IsType<AmfEcmaArray>(ReadOne(wrongCount));

            Assert.Equal(2, array.Count);
        }

        [Fact]
        public void A_reference_resolves_to_the_same_instance()
        {
            // strict array [ {a:1}, ref 1 ]: the array is reference 0, the object reference 1.
            byte[] bytes = new Amf0Bytes().StrictArrayStart(2).ObjectStart().Key("a").Number(1).ObjectEnd().Raw(0x07, 0x00, 0x01).ToArray();

            var array = Assert.IsType<object?[]>(ReadOne(bytes));

            Assert.Same(array[0], array[1]);
        }

        [Fact]
        public void A_reference_to_an_enclosing_object_makes_a_cycle_without_recursing()
        {
            byte[] bytes = new Amf0Bytes().ObjectStart().Key("self").Raw(0x07, 0x00, 0x00).ObjectEnd().ToArray();

            var obj = Assert.IsType<AmfObject>(ReadOne(bytes));

            Assert.Same(obj, obj["self"]);
        }

        [Fact]
        public void A_reference_past_the_table_is_rejected()
        {
            var error = Assert.Throws<AmfFormatException>(() => ReadOne("07 00 00"));
            Assert.Contains("reference 0", error.Message);
        }

        [Fact]
        public void Switches_to_amf3_and_keeps_its_tables_across_values()
        {
            // connect, 1.0, 0x11 {app: "live"} as AMF3, then 0x11 string reference 1 ("live").
            byte[] payload = new Amf0Bytes().String("connect").Number(1)
                .Raw(Hex.Bytes("11 0A 0B 01 07 61 70 70 06 09 6C 69 76 65 01"))
                .Raw(Hex.Bytes("11 06 02"))
                .Raw(Hex.Bytes("11 0A 00"))
                .ToArray();

            var values = Amf0Reader.ReadAll(payload, WireLimits.Default);

            Assert.Equal(5, values.Count);
            var command = Assert.IsType<AmfObject>(values[2]);
            Assert.Equal("live", command.GetString("app"));
            Assert.Equal("live", values[3]);
            Assert.Same(command, values[4]);
        }

        [Fact]
        public void Reads_a_full_amf3_object_inside_amf0()
        {
            byte[] bytes = new byte[] { 0x11 }.Concat(AmfSamples.Amf3Object()).ToArray();

            var obj = Assert.IsType<AmfObject>(ReadOne(bytes));

            Assert.Equal("live", obj["app"]);
            Assert.Equal(128.0, obj["n"]);
            Assert.Equal(new object?[] { "live", 127.0 }, Assert.IsType<object?[]>(obj["l"]));
            AmfAssert.Equivalent(new AmfEcmaArray { { "k", "app" }, { "0", false } }, obj["m"]);
            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1099511627776L * 10000), obj["d"]);
            Assert.Equal(new byte[] { 1, 2, 3 }, obj["b"]);
            Assert.Same(obj, obj["s"]);
        }

        [Theory]
        [InlineData("04", "movieclip")]
        [InlineData("0E", "recordset")]
        [InlineData("09", "object end")]
        [InlineData("12", "unknown AMF0 type marker 0x12")]
        [InlineData("03 00 00 05", "empty property name")]
        public void Rejects_unsupported_and_misplaced_markers(string hex, string expected)
        {
            var error = Assert.Throws<AmfFormatException>(() => ReadOne(hex));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void A_date_out_of_range_is_a_format_error()
        {
            Assert.Throws<AmfFormatException>(() => ReadOne("0B 7F F8 00 00 00 00 00 00 00 00")); // NaN
            Assert.Throws<AmfFormatException>(() => ReadOne("0B 7F EF FF FF FF FF FF FF 00 00")); // double.MaxValue
        }

        [Fact]
        public void Read_all_of_an_empty_payload_is_empty()
        {
            Assert.Empty(Amf0Reader.ReadAll(ReadOnlySpan<byte>.Empty, WireLimits.Default));
        }

        [Fact]
        public void Invalid_utf8_is_decoded_with_replacement_characters()
        {
            Assert.Equal("a\uFFFDb", ReadOne("02 00 03 61 FF 62"));
        }
    }
}
