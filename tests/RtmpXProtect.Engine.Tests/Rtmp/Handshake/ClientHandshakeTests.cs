using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Linq;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Handshake;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Handshake
{
    public class ClientHandshakeTests
    {
        private const int Size = SpecDigest.Size;

        private static (ClientHandshake Client, byte[] C1) Started(uint epoch = 777)
        {
            var client = new ClientHandshake(epoch, b => new Random(9).NextBytes(b));
            var output = new ArrayBufferWriter<byte>();
            client.Start(output);
            Assert.Equal(1 + Size, output.WrittenCount);
            Assert.Equal(3, output.WrittenSpan[0]);
            return (client, output.WrittenSpan.Slice(1).ToArray());
        }

        private static byte[] PlainS1()
        {
            var s1 = new byte[Size];
            new Random(2).NextBytes(s1);
            s1.AsSpan(4, 4).Clear();
            return s1;
        }

        private static byte[] Respond(ClientHandshake client, byte[] s1, byte[] s2, out HandshakeStatus status)
        {
            var output = new ArrayBufferWriter<byte>();
            byte[] input = new byte[] { 3 }.Concat(s1).Concat(s2).ToArray();
            status = client.Process(input, output, out int consumed);
            Assert.Equal(input.Length, consumed);
            Assert.Equal(Size, output.WrittenCount);
            return output.WrittenSpan.ToArray();
        }

        [Fact]
        public void Start_writes_C0_and_a_C1_signed_at_scheme_0_with_an_encoder_version()
        {
            var (_, c1) = Started(epoch: 0x0A0B0C0D);

            Assert.Equal(0x0A0B0C0Du, BinaryPrimitives.ReadUInt32BigEndian(c1));
            Assert.Equal(0x80000702u, BinaryPrimitives.ReadUInt32BigEndian(c1.AsSpan(4)));
            Assert.True(SpecDigest.HasDigest(c1, 0, SpecDigest.PlayerKey30));
        }

        [Fact]
        public void Plain_server_gets_S1_echoed_as_C2()
        {
            var (client, _) = Started();
            byte[] s1 = PlainS1();

            byte[] c2 = Respond(client, s1, new byte[Size], out var status);

            Assert.Equal(HandshakeStatus.Completed, status);
            Assert.Equal(s1, c2);
            Assert.False(client.ServerUsedDigest);
            Assert.True(client.IsComplete);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        public void Digest_server_gets_a_C2_signed_with_its_S1_digest(int scheme)
        {
            var (client, _) = Started();
            byte[] s1 = SpecDigest.BuildSigned(scheme, 0x04050001, SpecDigest.ServerKey36, seed: 20 + scheme);

            byte[] c2 = Respond(client, s1, new byte[Size], out _);

            Assert.True(client.ServerUsedDigest);
            Assert.True(SpecDigest.ResponseIsSigned(c2, SpecDigest.DigestOf(s1, scheme), SpecDigest.PlayerKey62));
        }

        [Fact]
        public void Server_that_signs_wrongly_is_tolerated_with_an_echo()
        {
            var (client, _) = Started();
            byte[] s1 = SpecDigest.BuildSigned(0, 0x0D0E0A0D, SpecDigest.PlayerKey30, seed: 5);

            byte[] c2 = Respond(client, s1, new byte[Size], out var status);

            Assert.Equal(HandshakeStatus.Completed, status);
            Assert.False(client.ServerUsedDigest);
            Assert.Equal(s1, c2);
        }

        [Fact]
        public void C2_is_written_as_soon_as_S1_is_in()
        {
            var (client, _) = Started();
            var output = new ArrayBufferWriter<byte>();
            byte[] s0s1 = new byte[] { 3 }.Concat(PlainS1()).ToArray();

            var status = client.Process(s0s1, output, out int consumed);

            Assert.Equal(HandshakeStatus.InProgress, status);
            Assert.Equal(s0s1.Length, consumed);
            Assert.Equal(Size, output.WrittenCount);
        }

        [Fact]
        public void Chunk_bytes_after_S2_are_not_consumed()
        {
            var (client, _) = Started();
            byte[] input = new byte[] { 3 }.Concat(PlainS1()).Concat(new byte[Size]).Concat(new byte[] { 2, 0, 0 }).ToArray();

            var status = client.Process(input, new ArrayBufferWriter<byte>(), out int consumed);

            Assert.Equal(HandshakeStatus.Completed, status);
            Assert.Equal(input.Length - 3, consumed);
        }

        [Fact]
        public void Truncated_S2_leaves_the_handshake_in_progress()
        {
            var (client, _) = Started();
            byte[] input = new byte[] { 3 }.Concat(PlainS1()).Concat(new byte[Size - 1]).ToArray();

            Assert.Equal(HandshakeStatus.InProgress, client.Process(input, new ArrayBufferWriter<byte>(), out _));
            Assert.False(client.IsComplete);
        }

        [Theory]
        [InlineData(6)]
        [InlineData(0x48)]
        public void Server_answering_another_version_is_rejected(byte version)
        {
            var (client, _) = Started();

            var error = Assert.Throws<RtmpProtocolException>(() => client.Process(new[] { version }, new ArrayBufferWriter<byte>(), out _));

            Assert.Equal($"not an RTMP server: handshake version {version}", error.Message);
        }

        [Fact]
        public void Process_before_Start_is_a_programming_error()
        {
            var client = new ClientHandshake(0);

            Assert.Throws<InvalidOperationException>(() => client.Process(new byte[] { 3 }, new ArrayBufferWriter<byte>(), out _));
        }

        [Fact]
        public void Start_twice_is_a_programming_error()
        {
            var (client, _) = Started();

            Assert.Throws<InvalidOperationException>(() => client.Start(new ArrayBufferWriter<byte>()));
        }

        [Fact]
        public void Default_random_source_gives_different_C1s()
        {
            var first = new ArrayBufferWriter<byte>();
            var second = new ArrayBufferWriter<byte>();
            new ClientHandshake(0).Start(first);
            new ClientHandshake(0).Start(second);

            Assert.False(first.WrittenSpan.Slice(9).SequenceEqual(second.WrittenSpan.Slice(9)));
            Assert.True(SpecDigest.HasDigest(first.WrittenSpan.Slice(1).ToArray(), 0, SpecDigest.PlayerKey30));
        }
    }
}
