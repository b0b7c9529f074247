using System;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Commands
{
    public class DataMessageTests
    {
        private static readonly AmfEcmaArray Metadata = new AmfEcmaArray { { "width", 640.0 }, { "framerate", 30.0 } };

        [Fact]
        public void Normalize_drops_setDataFrame_and_keeps_timestamp_and_stream()
        {
            var message = new RtmpMessage(MessageType.DataAmf0, 77, 1, Amf0Writer.Serialize("@setDataFrame", "onMetaData", Metadata));
            var normalized = DataMessage.Normalize(message, WireLimits.Default);
            Assert.Equal(Amf0Writer.Serialize("onMetaData", Metadata), normalized.Payload.ToArray());
            Assert.Equal(77u, normalized.Timestamp);
            Assert.Equal(1u, normalized.StreamId);
            Assert.True(DataMessage.IsMetadata(normalized));
            Assert.False(DataMessage.IsMetadata(message));
        }

        [Fact]
        public void Normalize_returns_other_AMF0_data_unchanged()
        {
            var message = new RtmpMessage(MessageType.DataAmf0, 0, 1, Amf0Writer.Serialize("onMetaData", Metadata));
            Assert.Same(message, DataMessage.Normalize(message, WireLimits.Default));
        }

        [Fact]
        public void Normalize_turns_AMF3_data_into_AMF0()
        {
            var amf0 = Amf0Writer.Serialize("@setDataFrame", "onMetaData", Metadata);
            var body = new byte[amf0.Length + 1];
            amf0.CopyTo(body, 1);
            var normalized = DataMessage.Normalize(new RtmpMessage(MessageType.DataAmf3, 5, 1, body), WireLimits.Default);
            Assert.Equal(MessageType.DataAmf0, normalized.Type);
            Assert.True(DataMessage.IsMetadata(normalized));
        }

        [Fact]
        public void Normalize_of_malformed_setDataFrame_is_a_protocol_error()
        {
            var good = Amf0Writer.Serialize("@setDataFrame", "onMetaData", Metadata);
            var message = new RtmpMessage(MessageType.DataAmf0, 0, 1, good.AsMemory(0, good.Length - 4));
            Assert.Throws<RtmpProtocolException>(() => DataMessage.Normalize(message, WireLimits.Default));
        }

        [Fact]
        public void IsMetadata_needs_an_AMF0_onMetaData_string_first()
        {
            Assert.True(DataMessage.IsMetadata(new RtmpMessage(MessageType.DataAmf0, 0, 1, Amf0Writer.Serialize("onMetaData"))));
            Assert.False(DataMessage.IsMetadata(new RtmpMessage(MessageType.DataAmf0, 0, 1, Amf0Writer.Serialize("onTextData"))));
            Assert.False(DataMessage.IsMetadata(new RtmpMessage(MessageType.DataAmf0, 0, 1, Amf0Writer.Serialize("onMetaDat"))));
            Assert.False(DataMessage.IsMetadata(new RtmpMessage(MessageType.Video, 0, 1, Amf0Writer.Serialize("onMetaData"))));
            Assert.False(DataMessage.IsMetadata(new RtmpMessage(MessageType.DataAmf0, 0, 1, new byte[] { 2, 0 })));
        }

        [Fact]
        public void ReadMetadata_returns_the_object_or_null()
        {
            var metadata = DataMessage.ReadMetadata(new RtmpMessage(MessageType.DataAmf0, 0, 1, Amf0Writer.Serialize("onMetaData", Metadata)), WireLimits.Default);
            Assert.Equal(640.0, metadata!.GetNumber("width"));
            Assert.Null(DataMessage.ReadMetadata(new RtmpMessage(MessageType.DataAmf0, 0, 1, new byte[] { 2, 0, 9 }), WireLimits.Default));
        }
    }
}
