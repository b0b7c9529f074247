using System;
using System.Buffers;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server;

/// <summary>
/// The named reasons come from the decoders' own exceptions: these feed a real session the broken
/// input and check the name, so a reworded exception cannot silently fall back to ProtocolError.
/// </summary>
public sealed class ProtocolRejectionTests
{
    public static IEnumerable<object[]> Cases()
    {
        byte[] Chunk(MessageType type, byte[] payload, int length = -1)
        {
            var size = length < 0 ? payload.Length : length;
            var header = new byte[] { 3, 0, 0, 0, (byte)(size >> 16), (byte)(size >> 8), (byte)size, (byte)type, 0, 0, 0, 0 };
            var all = new byte[header.Length + Math.Min(payload.Length, 128)];
            header.CopyTo(all, 0);
            Array.Copy(payload, 0, all, header.Length, all.Length - header.Length);
            return all;
        }

        yield return new object[] { "chunk size 0", Chunk(MessageType.SetChunkSize, new byte[4]), RejectionReason.InvalidChunkSize };
        yield return new object[] { "chunk size 2^31", Chunk(MessageType.SetChunkSize, new byte[] { 0x80, 0, 0, 0 }), RejectionReason.InvalidChunkSize };
        yield return new object[] { "16 MiB message", Chunk(MessageType.Video, new byte[1], 0xFFFFFF), RejectionReason.MessageTooLarge };
        var truncated = Amf0Writer.Serialize("connect", 1.0, new AmfObject { { "app", "live" } });
        yield return new object[] { "truncated AMF", Chunk(MessageType.CommandAmf0, truncated[..^5]), RejectionReason.MalformedAmf };
        yield return new object[] { "unknown AMF marker", Chunk(MessageType.CommandAmf0, [.. Amf0Writer.Serialize("connect", 1.0), 0x0E]), RejectionReason.MalformedAmf };
        yield return new object[] { "publish before connect", Chunk(MessageType.CommandAmf0, Amf0Writer.Serialize("publish", 0.0, null, "cam1")), RejectionReason.CommandBeforeConnect };
    }

    // One message in 128-byte chunks on chunk stream 3, as a peer that never changed its chunk size sends it.
    private static byte[] Whole(MessageType type, byte[] payload)
    {
        var output = new ArrayBufferWriter<byte>();
        new RtmpXProtect.Engine.Rtmp.Chunks.ChunkEncoder().Write(output, 3, new RtmpMessage(type, 0, 0, payload));
        return output.WrittenSpan.ToArray();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_input_is_named_by_the_rule_it_broke(string attack, byte[] input, RejectionReason expected)
    {
        var session = new ServerSession();
        var error = Assert.Throws<RtmpProtocolException>(() => session.Receive(input, new ArrayBufferWriter<byte>(), new List<SessionEvent>()));
        Assert.True(expected == ProtocolRejection.Of(error, inHandshake: false), attack + ": " + error.Message);
    }

    [Fact]
    public void A_command_name_the_peer_chose_reaches_the_log_without_line_breaks_and_cut_short()
    {
        var name = "x\r\n[ERR] forged line" + new string('y', 10_000);
        var session = new ServerSession();
        var payload = Amf0Writer.Serialize(name, 0.0, null);
        var error = Assert.Throws<RtmpProtocolException>(() => session.Receive(Whole(MessageType.CommandAmf0, payload), new ArrayBufferWriter<byte>(), new List<SessionEvent>()));

        var shown = ProtocolRejection.Describe(error);
        Assert.Equal(RejectionReason.CommandBeforeConnect, ProtocolRejection.Of(error, inHandshake: false));
        Assert.DoesNotContain('\n', shown);
        Assert.DoesNotContain('\r', shown);
        Assert.InRange(shown.Length, 1, 201);
    }

    [Fact]
    public void Any_protocol_exception_during_the_handshake_is_an_InvalidHandshake()
        => Assert.Equal(RejectionReason.InvalidHandshake, ProtocolRejection.Of(new RtmpProtocolException("not an RTMP client: handshake version 9"), inHandshake: true));

    [Fact]
    public void A_protocol_exception_no_rule_names_stays_a_ProtocolError()
        => Assert.Equal(RejectionReason.ProtocolError, ProtocolRejection.Of(new RtmpProtocolException("Chunk stream 3 continues a message it never started."), inHandshake: false));
}
