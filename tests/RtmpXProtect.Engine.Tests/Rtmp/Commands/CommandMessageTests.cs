using System;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Commands
{
    public class CommandMessageTests
    {
        [Fact]
        public void Encode_then_Decode_round_trips_name_transaction_object_and_arguments()
        {
            var message = CommandMessage.Encode(5, "publish", 3, null, "cam1", "live", 2.5);
            Assert.Equal(MessageType.CommandAmf0, message.Type);
            Assert.Equal(5u, message.StreamId);

            var command = CommandMessage.Decode(message, WireLimits.Default);
            Assert.Equal("publish", command.Name);
            Assert.Equal(3, command.TransactionId);
            Assert.Null(command.CommandObject);
            Assert.Equal(new object?[] { "cam1", "live", 2.5 }, command.Arguments);
            Assert.Null(command.Argument(3));
        }

        [Fact]
        public void Encode_writes_the_AMF0_bytes_of_the_spec()
        {
            var message = CommandMessage.Encode(0, "_result", 1, null);
            // string "_result", number 1.0, null
            Assert.Equal(Convert.FromHexString("02000" + "75F726573756C74" + "003FF0000000000000" + "05"), message.Payload.ToArray());
        }

        [Fact]
        public void A_type_17_command_skips_its_leading_zero_format_byte()
        {
            var amf0 = CommandMessage.Encode(0, "connect", 1, new AmfObject { { "app", "live" } });
            var body = new byte[amf0.Payload.Length + 1];
            amf0.Payload.Span.CopyTo(body.AsSpan(1));
            var command = CommandMessage.Decode(new RtmpMessage(MessageType.CommandAmf3, 0, 0, body), WireLimits.Default);
            Assert.Equal("connect", command.Name);
            Assert.Equal("live", ((AmfObject)command.CommandObject!).GetString("app"));
        }

        [Fact]
        public void A_type_17_command_without_the_zero_byte_is_read_as_AMF0_too()
        {
            var amf0 = CommandMessage.Encode(0, "connect", 1, null);
            var command = CommandMessage.Decode(new RtmpMessage(MessageType.CommandAmf3, 0, 0, amf0.Payload), WireLimits.Default);
            Assert.Equal("connect", command.Name);
        }

        [Fact]
        public void A_command_without_a_transaction_id_is_a_protocol_error()
        {
            var message = new RtmpMessage(MessageType.CommandAmf0, 0, 0, Amf0Writer.Serialize("play", "x"));
            Assert.Throws<RtmpProtocolException>(() => CommandMessage.Decode(message, WireLimits.Default));
        }

        [Fact]
        public void Truncating_a_command_anywhere_raises_only_protocol_errors()
        {
            var full = CommandMessage.Encode(0, "connect", 1, new AmfObject { { "app", "live" }, { "tcUrl", "rtmp://h/live" } }, "extra").Payload.ToArray();
            for (var length = 0; length < full.Length; length++)
            {
                var cut = new RtmpMessage(MessageType.CommandAmf0, 0, 0, full.AsMemory(0, length));
                try
                {
                    CommandMessage.Decode(cut, WireLimits.Default);
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        [Fact]
        public void ConnectRequest_reads_app_tcUrl_fourCcList_and_capsEx()
        {
            var properties = new AmfObject
            {
                { "app", "/live?key=abc/" },
                { "tcUrl", "rtmp://host/live?key=abc" },
                { "flashVer", "FMLE/3.0" },
                { "objectEncoding", 0.0 },
                { "fourCcList", new object?[] { "av01", "hvc1", 5.0, "avc1" } },
                { "capsEx", 3.0 },
                { "videoFourCcInfoMap", new AmfObject { { "hvc1", 1.0 } } },
            };
            var request = ConnectRequest.From(new CommandMessage("connect", 1, properties, Array.Empty<object?>()));
            Assert.Equal("live", request.App.Name);
            Assert.Equal("key=abc/", request.App.Query);
            Assert.Equal("rtmp://host/live", request.TcUrl);
            Assert.Equal("FMLE/3.0", request.FlashVersion);
            Assert.Equal(new[] { "av01", "hvc1", "avc1" }, request.FourCcList);
            Assert.Equal(3, request.CapsEx);
            Assert.NotNull(request.VideoFourCcInfoMap);
            Assert.Equal(1, request.TransactionId);
        }

        [Theory]
        [InlineData("live/", "live", "")]
        [InlineData("/live", "live", "")]
        [InlineData("live?token=a/b", "live", "token=a/b")]
        public void ConnectRequest_trims_slashes_off_the_app_name_but_keeps_the_query_as_sent(string app, string name, string query)
        {
            var request = ConnectRequest.From(new CommandMessage("connect", 1, new AmfObject { { "app", app } }, Array.Empty<object?>()));
            Assert.Equal(name, request.App.Name);
            Assert.Equal(query, request.App.Query);
        }

        [Fact]
        public void ConnectRequest_of_a_legacy_client_has_no_fourCcs()
        {
            var request = ConnectRequest.From(new CommandMessage("connect", 1, new AmfObject { { "app", "live" } }, Array.Empty<object?>()));
            Assert.Empty(request.FourCcList);
            Assert.Equal(0, request.CapsEx);
        }

        [Fact]
        public void Connect_without_a_command_object_is_a_protocol_error()
        {
            Assert.Throws<RtmpProtocolException>(() => ConnectRequest.From(new CommandMessage("connect", 1, null, Array.Empty<object?>())));
        }
    }
}
