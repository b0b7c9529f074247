using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Performance;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>A publisher's socket reads, on real loopback sockets: what they return, and what they allocate.</summary>
    [Collection(SoloCollection.Name)]
    public class SocketReceiverTests
    {
        private const int Reads = 2000;
        private readonly ITestOutputHelper _output;

        public SocketReceiverTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task A_read_that_waits_gets_the_bytes_sent_after_it_started()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (peer)
            using (var receiver = new SocketReceiver(server))
            {
                var buffer = new byte[16];
                var read = receiver.ReceiveAsync(buffer, 4, 8);
                Assert.False(read.IsCompleted);
                peer.Send(new byte[] { 1, 2, 3 });
                Assert.Equal(3, await read.AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
                Assert.Equal(new byte[] { 0, 0, 0, 0, 1, 2, 3, 0 }, buffer.AsSpan(0, 8).ToArray());
            }
        }

        [Fact]
        public async Task Bytes_already_there_are_read_at_once_and_an_empty_read_leaves_them_waiting()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (peer)
            using (var receiver = new SocketReceiver(server))
            {
                var wait = receiver.WaitAsync();
                peer.Send(new byte[] { 9, 8, 7, 6 });
                await wait.AsTask().WaitAsync(TimeSpan.FromSeconds(20));

                var buffer = new byte[2];
                Assert.Equal(2, await receiver.ReceiveAsync(buffer, 0, 2));
                Assert.Equal(new byte[] { 9, 8 }, buffer);
                Assert.Equal(2, await receiver.ReceiveAsync(buffer, 0, 2));
                Assert.Equal(new byte[] { 7, 6 }, buffer);
            }
        }

        [Fact]
        public async Task The_peer_closing_reads_as_zero_bytes()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (var receiver = new SocketReceiver(server))
            {
                var read = receiver.ReceiveAsync(new byte[8], 0, 8);
                peer.Dispose();
                Assert.Equal(0, await read.AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
            }
        }

        [Fact]
        public async Task Closing_the_socket_ends_a_pending_read_and_refuses_the_next()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (peer)
            using (var receiver = new SocketReceiver(server))
            {
                var read = receiver.ReceiveAsync(new byte[8], 0, 8).AsTask();
                SocketTransport.CloseSocket(server);

                // The shutdown wakes the read with the end of the stream, or the dispose aborts it:
                // whichever the runtime sees first. Both end the connection's read loop.
                int? got = null;
                try
                {
                    got = await read.WaitAsync(TimeSpan.FromSeconds(20));
                }
                catch (SocketException)
                {
                }

                Assert.True(got == null || got == 0, $"the pending read gave {got} bytes");
                Assert.Throws<ObjectDisposedException>(() => receiver.ReceiveAsync(new byte[8], 0, 8));
            }
        }

        [Fact]
        public async Task A_read_that_waits_allocates_nothing_where_the_task_based_one_allocated_its_task()
        {
            var (server, peer) = await LoopbackSocketPair.ConnectAsync();
            using (server)
            using (peer)
            using (var receiver = new SocketReceiver(server))
            {
                var buffer = new byte[256];
                var message = new byte[100];

                var taskBased = await PerReadAsync(() => new ValueTask<int>(server.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None)), peer, message);
                var reused = await PerReadAsync(() => receiver.ReceiveAsync(buffer, 0, buffer.Length), peer, message);
                _output.WriteLine($"{taskBased:F1} bytes per waiting read with Socket.ReceiveAsync's task, {reused:F1} with the receiver");
                Assert.True(taskBased >= 48, $"{taskBased:F1} bytes per read: the task-based read was expected to allocate its task");
                Assert.True(reused < 8, $"{reused:F1} bytes per read: a waiting read should allocate nothing");
            }
        }

        private static async Task<double> PerReadAsync(Func<ValueTask<int>> read, Socket peer, byte[] message)
        {
            await ReadAsync(read, peer, message, 100).ConfigureAwait(false);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var received = await ReadAsync(read, peer, message, Reads).ConfigureAwait(false);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Assert.Equal((long)Reads * message.Length, received);
            return allocated / (double)Reads;
        }

        // Each read starts before its bytes are sent, so it waits; nothing else in the loop allocates.
        private static async Task<long> ReadAsync(Func<ValueTask<int>> read, Socket peer, byte[] message, int reads)
        {
            long received = 0;
            for (var i = 0; i < reads; i++)
            {
                var pending = read();
                peer.Send(message);
                received += await pending.ConfigureAwait(false);
            }

            return received;
        }
    }
}
