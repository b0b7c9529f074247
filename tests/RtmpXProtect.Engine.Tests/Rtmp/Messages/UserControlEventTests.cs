using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Messages
{
    public class UserControlEventTests
    {
        public static IEnumerable<object[]> Events()
        {
            yield return new object[] { UserControlEvent.StreamBegin(1) };
            yield return new object[] { UserControlEvent.StreamEof(2) };
            yield return new object[] { UserControlEvent.StreamDry(3) };
            yield return new object[] { UserControlEvent.SetBufferLength(1, 3000) };
            yield return new object[] { UserControlEvent.StreamIsRecorded(4) };
            yield return new object[] { UserControlEvent.PingRequest(0xFFFFFFFF) };
            yield return new object[] { UserControlEvent.PingResponse(123456) };
        }

        [Theory]
        [MemberData(nameof(Events))]
        public void Every_event_round_trips(UserControlEvent sent)
        {
            RtmpMessage message = sent.ToMessage();
            Assert.Equal(MessageType.UserControl, message.Type);
            UserControlEvent read = UserControlEvent.Parse(message.Payload.Span);
            Assert.Equal(sent.Type, read.Type);
            Assert.Equal(sent.Value, read.Value);
            Assert.Equal(sent.BufferLength, read.BufferLength);
        }

        [Fact]
        public void Stream_begin_has_the_spec_layout()
        {
            Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 1 }, UserControlEvent.StreamBegin(1).ToMessage().Payload.ToArray());
            Assert.Equal(new byte[] { 0, 3, 0, 0, 0, 1, 0, 0, 0x0B, 0xB8 }, UserControlEvent.SetBufferLength(1, 3000).ToMessage().Payload.ToArray());
        }

        [Fact]
        public void Unknown_event_types_are_returned_not_thrown()
        {
            UserControlEvent bufferEmpty = UserControlEvent.Parse(new byte[] { 0, 31, 0, 0, 0, 1 });
            Assert.Equal((UserControlEventType)31, bufferEmpty.Type);
            Assert.Equal(1u, bufferEmpty.Value);
            Assert.Equal((UserControlEventType)99, UserControlEvent.Parse(new byte[] { 0, 99 }).Type);
        }

        [Theory]
        [InlineData(new byte[] { 0 })]
        [InlineData(new byte[] { 0, 0, 0, 0, 1 })]
        [InlineData(new byte[] { 0, 3, 0, 0, 0, 1, 0, 0, 0 })]
        [InlineData(new byte[] { 0, 6, 0 })]
        public void Short_bodies_are_protocol_errors(byte[] body)
        {
            Assert.Throws<RtmpProtocolException>(() => UserControlEvent.Parse(body));
        }
    }
}
