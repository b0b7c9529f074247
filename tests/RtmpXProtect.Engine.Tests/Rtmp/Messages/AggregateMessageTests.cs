using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Messages
{
    public class AggregateMessageTests
    {
        [Fact]
        public void Splits_sub_messages_and_rebases_their_timestamps()
        {
            var body = new List<byte>();
            AddSub(body, MessageType.Video, 0x01000000 + 5000, new byte[] { 1, 2, 3 });
            AddSub(body, MessageType.Audio, 0x01000000 + 5021, new byte[] { 4 });
            AddSub(body, MessageType.DataAmf0, 0x01000000 + 5040, Array.Empty<byte>());
            var aggregate = new RtmpMessage(MessageType.Aggregate, 200, 7, body.ToArray());

            var output = new List<RtmpMessage>();
            AggregateMessage.Split(aggregate, output, WireLimits.Default);

            Assert.Equal(3, output.Count);
            Assert.Equal(new[] { MessageType.Video, MessageType.Audio, MessageType.DataAmf0 }, new[] { output[0].Type, output[1].Type, output[2].Type });
            Assert.Equal(new uint[] { 200, 221, 240 }, new[] { output[0].Timestamp, output[1].Timestamp, output[2].Timestamp });
            Assert.All(output, m => Assert.Equal(7u, m.StreamId));
            Assert.Equal(new byte[] { 1, 2, 3 }, output[0].Payload.ToArray());
            Assert.Equal(new byte[] { 4 }, output[1].Payload.ToArray());
        }

        [Fact]
        public void The_last_back_pointer_may_be_missing()
        {
            var body = new List<byte>();
            AddSub(body, MessageType.Audio, 0, new byte[] { 9 });
            body.RemoveRange(body.Count - 4, 4);
            var output = new List<RtmpMessage>();
            AggregateMessage.Split(new RtmpMessage(MessageType.Aggregate, 0, 1, body.ToArray()), output, WireLimits.Default);
            Assert.Single(output);
        }

        [Fact]
        public void Nested_aggregates_and_commands_are_protocol_errors()
        {
            foreach (MessageType type in new[] { MessageType.Aggregate, MessageType.CommandAmf0, MessageType.SetChunkSize })
            {
                var body = new List<byte>();
                AddSub(body, type, 0, new byte[4]);
                Assert.Throws<RtmpProtocolException>(() => AggregateMessage.Split(new RtmpMessage(MessageType.Aggregate, 0, 1, body.ToArray()), new List<RtmpMessage>(), WireLimits.Default));
            }
        }

        [Fact]
        public void A_sub_message_larger_than_what_remains_is_a_protocol_error()
        {
            var body = new List<byte>();
            AddSub(body, MessageType.Video, 0, new byte[10]);
            body.RemoveRange(body.Count - 8, 8);
            Assert.Throws<RtmpProtocolException>(() => AggregateMessage.Split(new RtmpMessage(MessageType.Aggregate, 0, 1, body.ToArray()), new List<RtmpMessage>(), WireLimits.Default));
        }

        [Fact]
        public void Random_bodies_only_raise_protocol_errors()
        {
            var random = new Random(3);
            for (int i = 0; i < 5000; i++)
            {
                var body = new byte[random.Next(0, 200)];
                random.NextBytes(body);
                if (body.Length > 4 && i % 2 == 0)
                {
                    body[0] = 9;
                    body[1] = 0;
                    body[2] = 0;
                }

                try
                {
                    AggregateMessage.Split(new RtmpMessage(MessageType.Aggregate, 0, 1, body), new List<RtmpMessage>(), WireLimits.Default);
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        private static void AddSub(List<byte> body, MessageType type, uint timestamp, byte[] payload)
        {
            body.Add((byte)type);
            body.AddRange(new[] { (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length });
            body.AddRange(new[] { (byte)(timestamp >> 16), (byte)(timestamp >> 8), (byte)timestamp, (byte)(timestamp >> 24) });
            body.AddRange(new byte[] { 0, 0, 0 });
            body.AddRange(payload);
            int back = 11 + payload.Length;
            body.AddRange(new[] { (byte)(back >> 24), (byte)(back >> 16), (byte)(back >> 8), (byte)back });
        }
    }
}
