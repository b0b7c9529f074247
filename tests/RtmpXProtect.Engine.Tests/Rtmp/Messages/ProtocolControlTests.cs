using System;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Messages
{
    public class ProtocolControlTests
    {
        [Fact]
        public void Set_chunk_size_round_trips()
        {
            RtmpMessage message = ProtocolControl.SetChunkSize(4096);
            Assert.Equal(MessageType.SetChunkSize, message.Type);
            Assert.Equal(0u, message.StreamId);
            Assert.Equal(new byte[] { 0, 0, 0x10, 0 }, message.Payload.ToArray());
            Assert.Equal(4096, ProtocolControl.ReadSetChunkSize(message.Payload.Span));
        }

        [Theory]
        [InlineData(new byte[] { 0, 0, 0, 0 })]
        [InlineData(new byte[] { 0x80, 0, 0, 1 })]
        [InlineData(new byte[] { 0, 0, 1 })]
        public void Invalid_set_chunk_size_bodies_are_protocol_errors(byte[] body)
        {
            Assert.Throws<RtmpProtocolException>(() => ProtocolControl.ReadSetChunkSize(body));
        }

        [Fact]
        public void Set_chunk_size_below_one_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ProtocolControl.SetChunkSize(0));
        }

        [Fact]
        public void Acknowledgement_abort_and_window_round_trip()
        {
            Assert.Equal(0xFFFFFFFEu, ProtocolControl.ReadUInt32(ProtocolControl.Acknowledgement(0xFFFFFFFE).Payload.Span));
            Assert.Equal(2500000u, ProtocolControl.ReadUInt32(ProtocolControl.WindowAcknowledgementSize(2500000).Payload.Span));
            RtmpMessage abort = ProtocolControl.Abort(6);
            Assert.Equal(MessageType.Abort, abort.Type);
            Assert.Equal(6u, ProtocolControl.ReadUInt32(abort.Payload.Span));
        }

        [Fact]
        public void Short_bodies_are_protocol_errors()
        {
            Assert.Throws<RtmpProtocolException>(() => ProtocolControl.ReadUInt32(new byte[3]));
            Assert.Throws<RtmpProtocolException>(() => ProtocolControl.ReadSetPeerBandwidth(new byte[4]));
        }

        [Fact]
        public void Set_peer_bandwidth_round_trips()
        {
            RtmpMessage message = ProtocolControl.SetPeerBandwidth(5000000, PeerBandwidthLimit.Dynamic);
            Assert.Equal(new byte[] { 0x00, 0x4C, 0x4B, 0x40, 2 }, message.Payload.ToArray());
            Assert.Equal((5000000u, PeerBandwidthLimit.Dynamic), ProtocolControl.ReadSetPeerBandwidth(message.Payload.Span));
        }

        [Fact]
        public void Unknown_peer_bandwidth_limit_type_is_a_protocol_error()
        {
            Assert.Throws<RtmpProtocolException>(() => ProtocolControl.ReadSetPeerBandwidth(new byte[] { 0, 0, 0, 1, 3 }));
        }
    }
}
