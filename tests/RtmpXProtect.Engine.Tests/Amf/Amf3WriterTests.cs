using System;
using System.Buffers;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    public class Amf3WriterTests
    {
        private static byte[] Write(object? value)
        {
            var output = new ArrayBufferWriter<byte>();
            Amf3Writer.WriteValue(output, value);
            return output.WrittenSpan.ToArray();
        }

        private static object? RoundTrip(object? value)
        {
            byte[] bytes = Write(value);
            var reader = new Amf3Reader(bytes, WireLimits.Default);
            object? read = reader.ReadValue();
            Assert.True(reader.IsAtEnd);
            return read;
        }

        public static IEnumerable<object?[]> EveryType() => new[]
        {
            new object?[] { null },
            new object?[] { AmfUndefined.Value },
            new object?[] { true },
            new object?[] { false },
            new object?[] { 0.5 },
            new object?[] { double.NaN },
            new object?[] { 1e300 },
            new object?[] { "" },
            new object?[] { "ünïcödé" },
            new object?[] { new string('y', 70000) },
            new object?[] { new DateTime(2024, 2, 29, 12, 34, 56, 789, DateTimeKind.Utc) },
            new object?[] { new AmfXmlDocument("<x/>") },
            new object?[] { new byte[] { 0, 1, 255 } },
            new object?[] { new byte[0] },
            new object?[] { new AmfObject() },
            new object?[] { new AmfObject { ClassName = "Foo", ["a"] = 1.5, ["b"] = null } },
            new object?[] { AmfSamples.OnMetaData() },
            new object?[] { AmfSamples.ConnectCommandObject() },
            new object?[] { new object?[0] },
            new object?[] { new object?[] { "a", "a", new object?[] { AmfUndefined.Value }, new AmfEcmaArray { { "k", "v" } } } },
        };

        [Theory]
        [MemberData(nameof(EveryType))]
        public void Every_type_round_trips(object? value)
        {
            AmfAssert.Equivalent(value, RoundTrip(value));
        }

        [Theory]
        [InlineData(0, "04 00")]
        [InlineData(127, "04 7F")]
        [InlineData(128, "04 81 00")]
        [InlineData(16384, "04 81 80 00")]
        [InlineData(2097152, "04 80 C0 80 00")]
        [InlineData(268435455, "04 BF FF FF FF")]
        [InlineData(-1, "04 FF FF FF FF")]
        [InlineData(-268435456, "04 C0 80 80 00")]
        public void Integers_in_range_are_written_as_u29(int value, string hex)
        {
            Assert.Equal(Hex.Bytes(hex), Write(value));
            Assert.Equal((double)value, RoundTrip(value));
        }

        [Fact]
        public void Integers_out_of_range_and_floating_values_are_written_as_doubles()
        {
            Assert.Equal(Hex.Bytes("05 41 B0 00 00 00 00 00 00"), Write(268435456));
            Assert.Equal(Hex.Bytes("05 C1 B0 00 00 01 00 00 00"), Write(-268435457L));
            Assert.Equal(Hex.Bytes("05 3F F0 00 00 00 00 00 00"), Write(1.0));
            Assert.Equal(Hex.Bytes("05 41 F0 00 00 00 00 00 00"), Write(4294967296UL));
        }

        [Fact]
        public void Objects_are_written_as_dynamic_with_inline_traits()
        {
            Assert.Equal(Hex.Bytes("0A 0B 01 07 61 70 70 06 09 6C 69 76 65 01"), Write(new AmfObject { { "app", "live" } }));
        }

        [Fact]
        public void Values_without_an_amf3_form_are_rejected()
        {
            Assert.Throws<ArgumentException>(() => Write(new object()));
            Assert.Throws<ArgumentException>(() => Write(new AmfObject { { "", 1.0 } }));
            var cycle = new object?[1];
            cycle[0] = cycle;
            Assert.Throws<ArgumentException>(() => Write(cycle));
        }

        [Fact]
        public void An_amf3_value_written_after_a_switch_marker_reads_through_amf0()
        {
            var output = new ArrayBufferWriter<byte>();
            Amf0Writer.WriteValue(output, "connect");
            output.GetSpan(1)[0] = 0x11;
            output.Advance(1);
            Amf3Writer.WriteValue(output, AmfSamples.ConnectCommandObject());

            var values = Amf0Reader.ReadAll(output.WrittenSpan, WireLimits.Default);

            Assert.Equal("connect", values[0]);
            AmfAssert.Equivalent(AmfSamples.ConnectCommandObject(), values[1]);
        }
    }
}
