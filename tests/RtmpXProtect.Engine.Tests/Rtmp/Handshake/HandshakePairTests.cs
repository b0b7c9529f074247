using System;
using System.Buffers;
using System.Linq;
using RtmpXProtect.Engine.Rtmp.Handshake;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Handshake
{
    public class HandshakePairTests
    {
        // Chunk bytes each side sends right after its last handshake packet, in the same write.
        private static readonly byte[] ClientChunk = { 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x99, 0x14 };
        private static readonly byte[] ServerChunk = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x01 };

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(7)]
        [InlineData(1000)]
        [InlineData(1535)]
        [InlineData(1536)]
        [InlineData(1537)]
        [InlineData(1538)]
        [InlineData(4096)]
        [InlineData(int.MaxValue)]
        public void Server_and_client_complete_with_digests_in_any_split(int split)
        {
            var server = new ServerHandshake(100);
            var client = new ClientHandshake(200);
            var toServer = new ArrayBufferWriter<byte>();
            var toClient = new ArrayBufferWriter<byte>();
            client.Start(toServer);

            byte[] serverLeftover = Array.Empty<byte>();
            byte[] clientLeftover = Array.Empty<byte>();
            bool serverChunkSent = false;
            bool clientChunkSent = false;
            for (int round = 0; round < 10 && !(server.IsComplete && client.IsComplete); round++)
            {
                byte[] upstream = toServer.WrittenSpan.ToArray();
                toServer.Clear();
                if (client.IsComplete && !clientChunkSent)
                {
                    upstream = upstream.Concat(ClientChunk).ToArray();
                    clientChunkSent = true;
                }

                serverLeftover = serverLeftover.Concat(Feed(upstream, split, server.IsComplete, (chunk, output) => (server.Process(chunk, output, out int n), n), toClient)).ToArray();

                byte[] downstream = toClient.WrittenSpan.ToArray();
                toClient.Clear();
                if (server.IsComplete && !serverChunkSent)
                {
                    downstream = downstream.Concat(ServerChunk).ToArray();
                    serverChunkSent = true;
                }

                clientLeftover = clientLeftover.Concat(Feed(downstream, split, client.IsComplete, (chunk, output) => (client.Process(chunk, output, out int n), n), toServer)).ToArray();
            }

            // The client finishes on S2 and the server only after C2, so one more upstream pass.
            byte[] rest = toServer.WrittenSpan.ToArray().Concat(clientChunkSent ? Array.Empty<byte>() : ClientChunk).ToArray();
            serverLeftover = serverLeftover.Concat(Feed(rest, split, server.IsComplete, (chunk, output) => (server.Process(chunk, output, out int n), n), toClient)).ToArray();

            Assert.True(server.IsComplete);
            Assert.True(client.IsComplete);
            Assert.True(server.PeerUsedDigest);
            Assert.True(client.ServerUsedDigest);
            Assert.Equal(0x80000702u, server.PeerVersion);
            Assert.Equal(ClientChunk, serverLeftover);
            Assert.Equal(ServerChunk, clientLeftover);
        }

        // Feeds bytes in pieces of at most `split`; returns what the handshake did not consume.
        private static byte[] Feed(byte[] bytes, int split, bool alreadyComplete, Func<byte[], IBufferWriter<byte>, (HandshakeStatus Status, int Consumed)> process, IBufferWriter<byte> output)
        {
            var leftover = new ArrayBufferWriter<byte>();
            bool complete = alreadyComplete;
            for (int start = 0; start < bytes.Length; start += Math.Min(split, bytes.Length - start))
            {
                byte[] piece = bytes.AsSpan(start, Math.Min(split, bytes.Length - start)).ToArray();
                if (complete)
                {
                    leftover.Write(piece);
                    continue;
                }

                var (status, consumed) = process(piece, output);
                Assert.InRange(consumed, 0, piece.Length);
                if (status == HandshakeStatus.InProgress)
                {
                    Assert.Equal(piece.Length, consumed);
                }
                else
                {
                    complete = true;
                }

                leftover.Write(piece.AsSpan(consumed));
            }

            return leftover.WrittenSpan.ToArray();
        }
    }
}
