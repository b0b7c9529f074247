using System;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Tls
{
    public class TlsOutboundQueueTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task Segments_of_every_size_arrive_through_tls_in_queue_order()
        {
            var (server, client) = await TlsPair();
            using (server)
            using (client)
            {
                string? failure = null;
                var queue = new OutboundQueue(server, reason => failure = reason);
                var random = new Random(7);

                // Small ones are merged, ones of 32 KiB and more go alone, and a merge buffer fills up.
                var sizes = new[] { 1, 100, 40_000, 3, 65_000, 70_000, 20_000, 20_000, 20_000, 31_000, 5, 1_000_000 };
                var segments = sizes.Select(size => { var b = new byte[size]; random.NextBytes(b); return b; }).ToArray();
                foreach (var segment in segments)
                {
                    queue.Enqueue(segment);
                }

                var expected = segments.SelectMany(s => s).ToArray();
                Assert.Equal(expected, await Receive(client, expected.Length));
                await WaitUntil(() => queue.QueuedBytes == 0);
                Assert.Null(failure);
            }
        }

        [Fact]
        public async Task Bytes_queued_without_flush_wait_for_the_next_flush_over_tls()
        {
            var (server, client) = await TlsPair();
            using (server)
            using (client)
            {
                var queue = new OutboundQueue(server, _ => { });
                queue.Enqueue(new byte[] { 1, 2, 3 }, flush: false);
                queue.Enqueue(new byte[] { 4 }, flush: false);
                Assert.Equal(4, queue.QueuedBytes);

                queue.Enqueue(new byte[] { 5, 6 });
                Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, await Receive(client, 6));
                await WaitUntil(() => queue.QueuedBytes == 0);
            }
        }

        [Fact]
        public async Task Drained_completes_after_everything_queued_before_Complete_was_written()
        {
            var (server, client) = await TlsPair();
            using (server)
            using (client)
            {
                var queue = new OutboundQueue(server, _ => { });
                var big = new byte[32 * 1024 * 1024];
                queue.Enqueue(big);
                queue.Complete();
                Assert.False(queue.Enqueue(new byte[] { 1 }));

                // The peer has not read: 32 MiB does not fit in the socket buffers, so it cannot be drained yet.
                Assert.False(queue.Drained.IsCompleted);
                await Receive(client, big.Length);
                Assert.True(await ((Task<bool>)queue.Drained).WaitAsync(Timeout));
                Assert.Equal(0, queue.QueuedBytes);
            }
        }

        [Fact]
        public async Task A_closed_stream_fails_the_queue_with_a_reason_and_clears_the_count()
        {
            var (server, client) = await TlsPair();
            client.Dispose();
            var failed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var queue = new OutboundQueue(server, reason => failed.TrySetResult(reason));
            server.Dispose();
            queue.Enqueue(new byte[100]);

            Assert.StartsWith("write failed: ", await failed.Task.WaitAsync(Timeout));
            Assert.Equal(0, queue.QueuedBytes);
            Assert.False(await ((Task<bool>)queue.Drained).WaitAsync(Timeout));
        }

        internal static async Task<(SslStream Server, SslStream Client)> TlsPair()
        {
            var (accepted, peer) = await LoopbackSocketPair.ConnectAsync();

            // A network stream wants a blocking socket; TLS writes through it, not the socket.
            accepted.Blocking = true;
            var server = new SslStream(new NetworkStream(accepted, ownsSocket: true));
            var client = new SslStream(new NetworkStream(peer, ownsSocket: true), false, (_, _, _, _) => true);
            await Task.WhenAll(
                server.AuthenticateAsServerAsync(TestCertificate.Instance, false, SslProtocols.Tls12 | SslProtocols.Tls13, false),
                client.AuthenticateAsClientAsync("localhost")).WaitAsync(Timeout);
            return (server, client);
        }

        private static async Task<byte[]> Receive(Stream stream, int count)
        {
            var buffer = new byte[count];
            using var cts = new CancellationTokenSource(Timeout);
            await stream.ReadExactlyAsync(buffer, cts.Token);
            return buffer;
        }

        // The count drops when the writer's await resumes, just after the peer has the bytes.
        private static async Task WaitUntil(Func<bool> condition)
        {
            using var cts = new CancellationTokenSource(Timeout);
            while (!condition())
            {
                await Task.Yield();
                cts.Token.ThrowIfCancellationRequested();
            }
        }
    }
}
