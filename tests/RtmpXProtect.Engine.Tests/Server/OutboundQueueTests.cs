using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class OutboundQueueTests
    {
        [Fact]
        public async Task Bytes_queued_without_flush_wait_for_the_next_flush_and_go_out_in_order()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (peer)
            {
                string? failure = null;
                var queue = new OutboundQueue(server, reason => failure = reason);
                queue.Enqueue(new byte[] { 1, 2, 3 }, flush: false);
                queue.Enqueue(new byte[] { 4 }, flush: false);
                Assert.Equal(4, queue.QueuedBytes);

                queue.Enqueue(new byte[] { 5, 6 });
                Assert.Equal(0, queue.QueuedBytes);
                Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, await LoopbackSocketPair.ReceiveAsync(peer, 6));
                Assert.Null(failure);
            }
        }

        [Fact]
        public async Task A_full_socket_continues_asynchronously_and_drains_everything()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (peer)
            {
                var queue = new OutboundQueue(server, _ => { });
                var chunk = new byte[256 * 1024];
                for (var i = 0; i < 40; i++)
                {
                    chunk.AsSpan().Fill((byte)i);
                    queue.Enqueue(chunk.AsSpan().ToArray());
                }

                // 10 MiB is far more than the kernel buffers hold; the rest waits in the queue.
                Assert.True(queue.QueuedBytes > 0);
                queue.Complete();
                var received = await LoopbackSocketPair.ReceiveAsync(peer, 40 * chunk.Length);
                for (var i = 0; i < 40; i++)
                {
                    Assert.Equal((byte)i, received[i * chunk.Length]);
                    Assert.Equal((byte)i, received[(i * chunk.Length) + chunk.Length - 1]);
                }

                await queue.Drained.WaitAsync(TimeSpan.FromSeconds(20));
                Assert.Equal(0, queue.QueuedBytes);
            }
        }

        [Fact]
        public async Task Nothing_is_queued_after_complete()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (peer)
            {
                var queue = new OutboundQueue(server, _ => { });
                queue.Complete();
                Assert.False(queue.Enqueue(new byte[] { 1 }));
                await queue.Drained.WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
    }
}
