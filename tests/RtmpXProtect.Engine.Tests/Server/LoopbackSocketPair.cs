using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>A connected loopback pair: the server side non-blocking, as the server's sockets are, and the peer that reads it.</summary>
    internal static class LoopbackSocketPair
    {
        public static async Task<(Socket Server, Socket Peer)> ConnectAsync()
        {
            using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var peer = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await peer.ConnectAsync(listener.LocalEndPoint!);
            var server = await listener.AcceptAsync();
            server.Blocking = false;
            return (server, peer);
        }

        /// <summary>Exactly <paramref name="count"/> bytes from <paramref name="socket"/>, within 20 s.</summary>
        public static async Task<byte[]> ReceiveAsync(Socket socket, int count)
        {
            var buffer = new byte[count];
            var read = 0;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (read < count)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
                Assert.True(n > 0, "the connection closed early");
                read += n;
            }

            return buffer;
        }
    }
}
