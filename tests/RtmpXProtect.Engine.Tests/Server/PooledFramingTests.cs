using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>
    /// A delivered frame's chunks live in one pooled buffer that every player's queue retains: it may
    /// go back to the pool only when the last queue has written it, or let it go.
    /// </summary>
    public class PooledFramingTests
    {
        [Fact]
        public async Task A_frame_chunks_go_back_only_after_the_slowest_queue_wrote_them_and_arrive_intact()
        {
            var (fastServer, fastPeer) = await LoopbackSocketPair.ConnectAsync();
            var (slowServer, slowPeer) = await LoopbackSocketPair.ConnectAsync();
            using (fastServer)
            using (fastPeer)
            using (slowServer)
            using (slowPeer)
            {
                var fast = new OutboundQueue(fastServer, _ => { });
                var slow = new OutboundQueue(slowServer, _ => { });
                var frame = Frames.Inter(40, size: 20_000);
                var expected = Frames.Inter(40, size: 20_000).Framed(1, 4096).ToArray();

                frame.BeginDelivery();
                var bytes = frame.Framed(1, 4096, out var owner);
                Assert.NotNull(owner);
                fast.Enqueue(bytes, owner, flush: true);
                bytes = frame.Framed(1, 4096, out var same);
                Assert.Same(owner, same);

                // A merged write waits for the next flushing enqueue: this queue still holds the chunks.
                slow.Enqueue(bytes, same, flush: false);
                frame.EndDelivery();
                Assert.Equal(expected, await LoopbackSocketPair.ReceiveAsync(fastPeer, expected.Length));
                Assert.NotNull(owner!.Array);

                // Another frame's array from the pool must not be this one while the slow queue holds it.
                var next = new SharedBuffer(owner.Length);
                Assert.NotSame(owner.Array, next.Array);
                next.Release();

                slow.Enqueue(new byte[] { 1 }, flush: true);
                var received = await LoopbackSocketPair.ReceiveAsync(slowPeer, expected.Length + 1);
                Assert.Equal(expected, received.AsSpan(0, expected.Length).ToArray());
                Assert.Throws<ObjectDisposedException>(() => owner.Array);
            }
        }

        [Fact]
        public async Task A_queue_that_fails_or_is_completed_lets_go_of_the_chunks()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (peer)
            {
                var queue = new OutboundQueue(server, _ => { });
                var frame = Frames.Inter(0, size: 5000);
                frame.BeginDelivery();
                queue.Enqueue(frame.Framed(1, 4096, out var held), held, flush: false);
                frame.EndDelivery();
                Assert.NotNull(held!.Array);

                // The socket is gone when the queue flushes: the write fails and the queue lets go.
                server.Dispose();
                queue.Enqueue(new byte[] { 1 }, flush: true);
                Assert.Throws<ObjectDisposedException>(() => held.Array);

                var late = Frames.Inter(40, size: 5000);
                late.BeginDelivery();
                Assert.False(queue.Enqueue(late.Framed(1, 4096, out var refused), refused, flush: true));
                late.EndDelivery();
                Assert.Throws<ObjectDisposedException>(() => refused!.Array);
            }
        }

        [Fact]
        public void Outside_a_delivery_and_for_headers_the_bytes_are_arrays_of_their_own()
        {
            var header = Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader());
            header.Framed(1, 4096, out var owner);
            Assert.Null(owner);

            // A caller without a reference gets an array of its own even during a delivery.
            var frame = Frames.Inter(0, size: 3000);
            frame.BeginDelivery();
            var pooled = frame.Framed(1, 4096, out var buffer);
            var own = frame.Framed(1, 4096);
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(own, out var segment));
            Assert.NotSame(buffer!.Array, segment.Array);
            Assert.Equal(pooled.ToArray(), own.ToArray());

            // Another stream id is framed apart, and not pooled.
            frame.Framed(2, 4096, out var other);
            Assert.Null(other);
            frame.EndDelivery();
            buffer.Release();
            Assert.Throws<ObjectDisposedException>(() => buffer.Array);
        }
    }
}
