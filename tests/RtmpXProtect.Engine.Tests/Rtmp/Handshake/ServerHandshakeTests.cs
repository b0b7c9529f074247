using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Linq;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Handshake;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Handshake
{
    public class ServerHandshakeTests
    {
        private const int Size = SpecDigest.Size;

        private static ServerHandshake NewServer(uint epoch = 5000) => new ServerHandshake(epoch, b => new Random(7).NextBytes(b));

        private static byte[] Prefix(byte c0, byte[] c1) => new[] { c0 }.Concat(c1).ToArray();

        private static (byte[] S1, byte[] S2) Answer(ServerHandshake server, byte[] c0c1)
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.Equal(HandshakeStatus.InProgress, server.Process(c0c1, output, out int consumed));
            Assert.Equal(c0c1.Length, consumed);
            byte[] reply = output.WrittenSpan.ToArray();
            Assert.Equal(1 + (2 * Size), reply.Length);
            Assert.Equal(3, reply[0]);
            return (reply.AsSpan(1, Size).ToArray(), reply.AsSpan(1 + Size, Size).ToArray());
        }

        [Fact]
        public void Plain_client_gets_S2_equal_to_C1_and_an_unsigned_S1()
        {
            var c1 = new byte[Size];
            new Random(1).NextBytes(c1);
            c1.AsSpan(4, 4).Clear();
            var server = NewServer(epoch: 0x01020304);

            var (s1, s2) = Answer(server, Prefix(3, c1));

            Assert.Equal(c1, s2);
            Assert.Equal(0x01020304u, BinaryPrimitives.ReadUInt32BigEndian(s1));
            Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(s1.AsSpan(4)));
            Assert.False(server.PeerUsedDigest);
            Assert.Equal(0u, server.PeerVersion);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        public void Digest_client_gets_S1_signed_in_its_scheme_and_S2_that_verifies(int scheme)
        {
            byte[] c1 = SpecDigest.BuildSigned(scheme, 0x80000702, SpecDigest.PlayerKey30, seed: 10 + scheme);
            var server = NewServer();

            var (s1, s2) = Answer(server, Prefix(3, c1));

            Assert.True(server.PeerUsedDigest);
            Assert.Equal(0x80000702u, server.PeerVersion);
            Assert.NotEqual(0u, BinaryPrimitives.ReadUInt32BigEndian(s1.AsSpan(4)));
            Assert.True(SpecDigest.HasDigest(s1, scheme, SpecDigest.ServerKey36));
            Assert.True(SpecDigest.ResponseIsSigned(s2, SpecDigest.DigestOf(c1, scheme), SpecDigest.ServerKey68));
        }

        [Fact]
        public void Captured_ffmpeg_C1_is_recognised_and_S1_S2_pass_the_checks_ffmpeg_applies()
        {
            byte[] c1 = FfmpegCapture.C0C1.AsSpan(1).ToArray();
            var server = NewServer();

            var (s1, s2) = Answer(server, FfmpegCapture.C0C1);

            Assert.True(server.PeerUsedDigest);
            Assert.Equal(0x09007C02u, server.PeerVersion);
            // FFmpeg (rtmpproto.c) checks S1 only when its first version byte is 3 or more,
            // trying the digest after byte 772 first, then the one after byte 8.
            Assert.True(s1[4] >= 3);
            Assert.True(SpecDigest.HasDigest(s1, 1, SpecDigest.ServerKey36) || SpecDigest.HasDigest(s1, 0, SpecDigest.ServerKey36));
            Assert.True(SpecDigest.ResponseIsSigned(s2, SpecDigest.DigestOf(c1, 0), SpecDigest.ServerKey68));
        }

        [Fact]
        public void C1_with_a_version_but_a_broken_digest_gets_the_plain_echo()
        {
            byte[] c1 = SpecDigest.BuildSigned(0, 0x80000702, SpecDigest.PlayerKey30, seed: 3);
            c1[SpecDigest.Offset(c1, 0) + 5] ^= 0xFF;
            var server = NewServer();

            var (s1, s2) = Answer(server, Prefix(3, c1));

            Assert.False(server.PeerUsedDigest);
            Assert.Equal(c1, s2);
            Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(s1.AsSpan(4)));
        }

        [Fact]
        public void Digest_signed_with_the_server_key_is_not_taken_for_a_client_digest()
        {
            byte[] c1 = SpecDigest.BuildSigned(0, 0x80000702, SpecDigest.ServerKey36, seed: 4);
            var server = NewServer();

            Answer(server, Prefix(3, c1));

            Assert.False(server.PeerUsedDigest);
        }

        [Fact]
        public void Encrypted_handshake_is_rejected_as_RTMPE()
        {
            var error = Assert.Throws<RtmpProtocolException>(() => NewServer().Process(new byte[] { 6 }, new ArrayBufferWriter<byte>(), out _));
            Assert.Equal("RTMPE (encrypted handshake) is not supported", error.Message);
        }

        [Theory]
        [InlineData(4)]
        [InlineData(0)]
        [InlineData(255)]
        public void Unknown_version_byte_is_rejected_with_its_value(byte version)
        {
            var error = Assert.Throws<RtmpProtocolException>(() => NewServer().Process(new[] { version, (byte)0 }, new ArrayBufferWriter<byte>(), out _));
            Assert.Equal($"not an RTMP client: handshake version {version}", error.Message);
        }

        [Fact]
        public void Http_request_is_rejected_as_not_an_RTMP_client()
        {
            byte[] get = System.Text.Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            var output = new ArrayBufferWriter<byte>();

            var error = Assert.Throws<RtmpProtocolException>(() => NewServer().Process(get, output, out _));

            Assert.Equal("not an RTMP client: handshake version 71", error.Message);
            Assert.Equal(0, output.WrittenCount);
        }

        [Fact]
        public void Failed_handshake_stays_failed()
        {
            var server = NewServer();
            Assert.Throws<RtmpProtocolException>(() => server.Process(new byte[] { 4 }, new ArrayBufferWriter<byte>(), out _));

            Assert.Throws<RtmpProtocolException>(() => server.Process(new byte[] { 3 }, new ArrayBufferWriter<byte>(), out _));
            Assert.False(server.IsComplete);
        }

        [Fact]
        public void Truncated_C1_leaves_the_handshake_in_progress_and_writes_nothing()
        {
            var server = NewServer();
            var output = new ArrayBufferWriter<byte>();
            byte[] c0c1 = FfmpegCapture.C0C1;

            var status = server.Process(c0c1.AsSpan(0, c0c1.Length - 1), output, out int consumed);

            Assert.Equal(HandshakeStatus.InProgress, status);
            Assert.Equal(c0c1.Length - 1, consumed);
            Assert.Equal(0, output.WrittenCount);
            Assert.False(server.IsComplete);

            server.Process(c0c1.AsSpan(c0c1.Length - 1), output, out consumed);
            Assert.Equal(1, consumed);
            Assert.Equal(1 + (2 * Size), output.WrittenCount);
        }

        [Fact]
        public void Truncated_C2_leaves_the_handshake_in_progress()
        {
            var server = NewServer();
            byte[] input = FfmpegCapture.C0C1.Concat(new byte[Size - 1]).ToArray();

            var status = server.Process(input, new ArrayBufferWriter<byte>(), out int consumed);

            Assert.Equal(HandshakeStatus.InProgress, status);
            Assert.Equal(input.Length, consumed);
            Assert.False(server.IsComplete);
        }

        [Fact]
        public void Chunk_bytes_after_C2_in_the_same_read_are_not_consumed()
        {
            var server = NewServer();
            byte[] trailing = { 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x14 };
            byte[] input = FfmpegCapture.C0C1.Concat(new byte[Size]).Concat(trailing).ToArray();

            var status = server.Process(input, new ArrayBufferWriter<byte>(), out int consumed);

            Assert.Equal(HandshakeStatus.Completed, status);
            Assert.True(server.IsComplete);
            Assert.Equal(1 + (2 * Size), consumed);
        }

        [Fact]
        public void Completed_handshake_consumes_nothing_more()
        {
            var server = NewServer();
            server.Process(FfmpegCapture.C0C1.Concat(new byte[Size]).ToArray(), new ArrayBufferWriter<byte>(), out _);
            var output = new ArrayBufferWriter<byte>();

            var status = server.Process(new byte[] { 3, 0, 0 }, output, out int consumed);

            Assert.Equal(HandshakeStatus.Completed, status);
            Assert.Equal(0, consumed);
            Assert.Equal(0, output.WrittenCount);
        }

        [Fact]
        public void C2_content_is_not_judged()
        {
            var server = NewServer();
            var output = new ArrayBufferWriter<byte>();
            server.Process(FfmpegCapture.C0C1, output, out _);
            var c2 = new byte[Size];
            Array.Fill(c2, (byte)0xAB);

            Assert.Equal(HandshakeStatus.Completed, server.Process(c2, output, out _));
        }
    }
}
