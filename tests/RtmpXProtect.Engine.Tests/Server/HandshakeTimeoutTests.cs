using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class HandshakeTimeoutTests
    {
        [Fact]
        public async Task A_peer_that_connects_and_says_nothing_is_closed_after_the_handshake_timeout()
        {
            await using var server = new RtmpServer(new RtmpServerOptions
            {
                Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
                HandshakeTimeout = TimeSpan.FromMilliseconds(300),
            });
            server.Start();
            using var idle = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await idle.ConnectAsync(server.LocalEndPoint);

            // Half a handshake is as idle as none.
            await idle.SendAsync(new byte[] { 3, 0, 0, 0 }, SocketFlags.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var buffer = new byte[4096];
            int read;
            do
            {
                read = await idle.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            while (read > 0);

            Assert.Equal(0, read);
        }
    }
}
