using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Amf
{
    public class Amf0WriterTests
    {
        private static object? RoundTrip(object? value)
        {
            byte[] bytes = Amf0Writer.Serialize(new[] { value });
            var reader = new Amf0Reader(bytes, WireLimits.Default);
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
            new object?[] { 0.0 },
            new object?[] { -1.25e300 },
            new object?[] { double.NaN },
            new object?[] { double.PositiveInfinity },
            new object?[] { "" },
            new object?[] { "rtmp://host/live/ключ" },
            new object?[] { new string('x', 70000) },
            new object?[] { new DateTime(2024, 2, 29, 12, 34, 56, 789, DateTimeKind.Utc) },
            new object?[] { new AmfXmlDocument("<stream name=\"a\"/>") },
            new object?[] { new AmfObject() },
            new object?[] { new AmfObject { ClassName = "flex.messaging.messages.RemotingMessage", ["operation"] = "ping" } },
            new object?[] { new AmfEcmaArray() },
            new object?[] { AmfSamples.OnMetaData() },
            new object?[] { AmfSamples.ConnectCommandObject() },
            new object?[] { new object?[0] },
            new object?[] { new object?[] { 1.0, null, "a", new object?[] { AmfUndefined.Value }, new AmfObject { { "x", false } } } },
        };

        [Theory]
        [MemberData(nameof(EveryType))]
        public void Every_type_round_trips(object? value)
        {
            AmfAssert.Equivalent(value, RoundTrip(value));
        }

        [Fact]
        public void Writes_the_spec_vectors()
        {
            Assert.Equal(Hex.Bytes("00 3F F0 00 00 00 00 00 00"), Amf0Writer.Serialize(1.0));
            Assert.Equal(Hex.Bytes("02 00 01 61"), Amf0Writer.Serialize("a"));
            Assert.Equal(Hex.Bytes("01 01 01 00 05 06"), Amf0Writer.Serialize(true, false, null, AmfUndefined.Value));
            Assert.Equal(Hex.Bytes("0B 42 6D 1A 94 A2 00 00 00 00 00"), Amf0Writer.Serialize(new DateTime(2001, 9, 9, 1, 46, 40, DateTimeKind.Utc)));
        }

        [Fact]
        public void Writes_ffmpegs_connect_command_byte_for_byte()
        {
            byte[] bytes = Amf0Writer.Serialize("connect", 1.0, AmfSamples.ConnectCommandObject());

            Assert.Equal(Hex.Of(AmfSamples.ConnectPayload()), Hex.Of(bytes));
        }

        [Fact]
        public void Writes_onmetadata_as_an_ecma_array_with_its_count()
        {
            Assert.Equal(Hex.Of(AmfSamples.OnMetaDataArray()), Hex.Of(Amf0Writer.Serialize(AmfSamples.OnMetaData())));
        }

        [Fact]
        public void Every_dotnet_numeric_type_is_written_as_a_double()
        {
            object[] numbers = { (byte)7, (sbyte)7, (short)7, (ushort)7, 7, 7u, 7L, 7UL, 7f, 7.0, 7m };

            foreach (object number in numbers)
            {
                Assert.Equal(Hex.Bytes("00 40 1C 00 00 00 00 00 00"), Amf0Writer.Serialize(number));
            }
        }

        [Fact]
        public void A_string_over_65535_utf8_bytes_becomes_a_long_string()
        {
            Assert.Equal(0x02, Amf0Writer.Serialize(new string('a', 65535))[0]);
            byte[] bytes = Amf0Writer.Serialize(new string('é', 32768)); // 65 536 UTF-8 bytes
            Assert.Equal(Hex.Bytes("0C 00 01 00 00"), bytes.Take(5).ToArray());
        }

        [Fact]
        public void Any_list_is_written_as_a_strict_array()
        {
            byte[] bytes = Amf0Writer.Serialize(new List<object?> { "a", 2 });

            Assert.Equal(Hex.Bytes("0A 00 00 00 02 02 00 01 61 00 40 00 00 00 00 00 00 00"), bytes);
        }

        [Fact]
        public void A_local_date_is_written_in_utc()
        {
            var utc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

            Assert.Equal(utc, RoundTrip(utc.ToLocalTime()));
        }

        [Fact]
        public void Values_without_an_amf0_form_are_rejected()
        {
            Assert.Throws<ArgumentException>(() => Amf0Writer.Serialize(new object()));
            Assert.Throws<ArgumentException>(() => Amf0Writer.Serialize(Guid.Empty));
            Assert.Throws<ArgumentException>(() => Amf0Writer.Serialize(new AmfObject { { "", 1.0 } }));
        }

        [Fact]
        public void A_cycle_is_rejected_instead_of_overflowing_the_stack()
        {
            var obj = new AmfObject();
            obj["self"] = obj;

            var error = Assert.Throws<ArgumentException>(() => Amf0Writer.Serialize(obj));
            Assert.Contains("deeper", error.Message);
        }

        [Fact]
        public void Writes_to_any_buffer_writer()
        {
            var output = new ArrayBufferWriter<byte>(1);
            Amf0Writer.WriteValue(output, "a");
            Amf0Writer.WriteValue(output, 1.0);

            Assert.Equal(Hex.Bytes("02 00 01 61 00 3F F0 00 00 00 00 00 00"), output.WrittenSpan.ToArray());
        }
    }
}
