using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Sessions
{
    public class ServerSessionProtocolErrorTests
    {
        [Fact]
        public void Publish_before_connect_is_a_protocol_error()
        {
            var pair = new SessionPair();
            var e = Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, CommandMessage.Encode(1, CommandNames.Publish, 0, null, "cam1", "live")));
            Assert.Contains("before connect", e.Message);
        }

        [Fact]
        public void Publish_while_connect_is_still_pending_is_a_protocol_error()
        {
            var pair = new SessionPair();
            pair.Client.Connect(pair.ToServer);
            pair.Pump();
            Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, CommandMessage.Encode(0, CommandNames.CreateStream, 2, null)));
        }

        [Fact]
        public void Publish_on_a_stream_that_was_not_created_is_a_protocol_error()
        {
            var pair = SessionPair.Connected();
            var e = Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, CommandMessage.Encode(7, CommandNames.Publish, 0, null, "cam1", "live")));
            Assert.Contains("not created", e.Message);
        }

        [Fact]
        public void Play_on_a_stream_that_is_already_publishing_is_a_protocol_error()
        {
            var pair = SessionPair.Publishing();
            Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, CommandMessage.Encode(1, CommandNames.Play, 0, null, "cam1")));
        }

        [Fact]
        public void Connect_twice_is_a_protocol_error()
        {
            var pair = SessionPair.Connected();
            var e = Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, CommandMessage.Encode(0, CommandNames.Connect, 9, new AmfObject { { "app", "live" } })));
            Assert.Contains("twice", e.Message);
        }

        [Fact]
        public void Connect_sent_twice_before_the_host_answers_is_a_protocol_error()
        {
            var pair = new SessionPair();
            SessionPairTests.SendRaw(pair, CommandMessage.Encode(0, CommandNames.Connect, 1, new AmfObject { { "app", "live" } }));
            Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, CommandMessage.Encode(0, CommandNames.Connect, 2, new AmfObject { { "app", "live" } })));
        }

        [Fact]
        public void CreateStream_beyond_the_per_connection_bound_gets_an_error_not_a_stream()
        {
            var pair = SessionPair.Connected(new ServerSessionOptions { MaxStreamsPerConnection = 3 });
            var results = new List<CommandMessage>();
            for (var i = 0; i < 10; i++)
            {
                pair.Clear();
                SessionPairTests.SendRaw(pair, CommandMessage.Encode(0, CommandNames.CreateStream, 10 + i, null));
                results.Add(CommandMessage.Decode(Assert.Single(pair.SentByServer, m => m.Type == MessageType.CommandAmf0), WireLimits.Default));
            }

            Assert.Equal(new[] { 1.0, 2.0, 3.0 }, results.Take(3).Select(r => (double)r.Argument(0)!));
            Assert.All(results.Take(3), r => Assert.Equal(CommandNames.Result, r.Name));
            Assert.All(results.Skip(3), r => Assert.Equal(CommandNames.Error, r.Name));
            Assert.All(results.Skip(3), r => Assert.Equal(StatusCodes.CallFailed, StatusInfo.FromAmf(r.Argument(0)).Code));
            Assert.Equal(Enumerable.Range(10, 10).Select(i => (double)i), results.Select(r => r.TransactionId));
        }

        [Fact]
        public void DeleteStream_frees_a_slot_for_createStream()
        {
            var pair = SessionPair.Connected(new ServerSessionOptions { MaxStreamsPerConnection = 1 });
            var first = SessionPairTests.CreateStream(pair);
            SessionPairTests.SendRaw(pair, CommandMessage.Encode(0, CommandNames.DeleteStream, 0, null, (double)first));
            var second = SessionPairTests.CreateStream(pair);
            Assert.NotEqual(first, second);
        }

        [Fact]
        public void The_client_reports_a_refused_createStream_as_an_error_status()
        {
            var pair = SessionPair.Connected(new ServerSessionOptions { MaxStreamsPerConnection = 0 });
            pair.Client.Play("cam1", pair.ToServer);
            pair.Pump();
            Assert.Empty(pair.ServerEvents.OfType<PlayRequested>());
            Assert.Equal(StatusCodes.CallFailed, pair.ClientEvent<StatusReceived>().Status.Code);
            Assert.Null(pair.Client.StreamId);
        }

        [Theory]
        [InlineData(new byte[] { 0x02, 0x00, 0x07, (byte)'c', (byte)'o' })]                 // string cut short
        [InlineData(new byte[] { 0x02, 0x00, 0x04, (byte)'p', (byte)'l', (byte)'a', (byte)'y' })] // no transaction id
        [InlineData(new byte[] { 0x00, 0x40, 0x08, 0, 0, 0, 0, 0, 0 })]                    // number first
        [InlineData(new byte[] { 0x7F, 0x01 })]                                             // unknown marker
        [InlineData(new byte[0])]
        public void A_malformed_command_is_a_protocol_error(byte[] body)
        {
            var pair = SessionPair.Connected();
            Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, new RtmpMessage(MessageType.CommandAmf0, 0, 0, body)));
        }

        [Fact]
        public void A_command_nested_deeper_than_the_limit_is_a_protocol_error()
        {
            object? value = 1.0;
            for (var i = 0; i < WireLimits.Default.MaxAmfDepth + 5; i++)
            {
                value = new AmfObject { { "a", value } };
            }

            var pair = SessionPair.Connected();
            Assert.Throws<RtmpProtocolException>(() => SessionPairTests.SendRaw(pair, new RtmpMessage(MessageType.CommandAmf0, 0, 0, Amf0Writer.Serialize("call", 0.0, value))));
        }

        [Fact]
        public void Random_bytes_after_connect_raise_only_protocol_errors()
        {
            var random = new Random(4242);
            for (var i = 0; i < 3000; i++)
            {
                var session = new ServerSession();
                var events = new List<SessionEvent>();
                var output = new ByteBufferWriter();
                var body = new byte[random.Next(0, 300)];
                random.NextBytes(body);
                if (i % 2 == 0 && body.Length > 0)
                {
                    // Half of them are well-framed commands with random bodies.
                    var framed = new ByteBufferWriter();
                    ChunkEncoder.WriteSelfContained(framed, 3, 128, new RtmpMessage(i % 4 == 0 ? MessageType.CommandAmf3 : MessageType.CommandAmf0, 0, 0, body));
                    body = framed.ToArray();
                }

                try
                {
                    session.Receive(body, output, events);
                    if (events.OfType<ConnectRequested>().Any())
                    {
                        session.AcceptConnect(output);
                    }
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        [Fact]
        public void An_amf3_connect_gets_type_17_answers()
        {
            var session = new ServerSession();
            var output = new ByteBufferWriter();
            var events = new List<SessionEvent>();
            var connect = CommandMessage.Encode(0, CommandNames.Connect, 1, new AmfObject { { "app", "live" }, { "objectEncoding", 3.0 } });
            var body = new byte[connect.Payload.Length + 1];
            connect.Payload.Span.CopyTo(body.AsSpan(1));
            var framed = new ByteBufferWriter();
            ChunkEncoder.WriteSelfContained(framed, 3, 128, new RtmpMessage(MessageType.CommandAmf3, 0, 0, body));
            session.Receive(framed.WrittenSpan, output, events);
            var request = Assert.Single(events.OfType<ConnectRequested>()).Request;
            Assert.Equal(3, request.ObjectEncoding);

            session.AcceptConnect(output);
            var decoded = new List<RtmpMessage>();
            new ChunkDecoder(WireLimits.Default).Decode(output.WrittenSpan, decoded);
            var answer = Assert.Single(decoded, m => m.Type == MessageType.CommandAmf3 || m.Type == MessageType.CommandAmf0);
            Assert.Equal(MessageType.CommandAmf3, answer.Type);
            Assert.Equal(0, answer.Payload.Span[0]);
            var result = CommandMessage.Decode(answer, WireLimits.Default);
            Assert.Equal(CommandNames.Result, result.Name);
            Assert.Equal(1, result.TransactionId);
            Assert.Equal(3.0, ((AmfObject)result.Argument(0)!).GetNumber("objectEncoding"));
        }
    }
}
