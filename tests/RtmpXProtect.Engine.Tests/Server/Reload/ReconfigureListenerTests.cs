using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server.Tls;
using RtmpXProtect.Tests.Shared;
using Xunit;
using static RtmpXProtect.Engine.Tests.Server.RtmpServerTests;

namespace RtmpXProtect.Engine.Tests.Server.Reload
{
    public class ReconfigureListenerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_new_plain_port_restarts_only_the_plain_listener_and_a_TLS_session_keeps_streaming()
        {
            await using var server = new RtmpServer(Options(plainPort: 0));
            server.Start();
            var oldPlain = server.LocalEndPoint.Port;
            var tlsPort = server.TlsLocalEndPoint.Port;
            await using var publisher = await Tls(server, "cam1", publish: true);
            await using var player = await Tls(server, "cam1", publish: false);
            await SendStream(publisher, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player, 8)).Count);

            var freePort = FreePort.Get();
            var result = server.Reconfigure(Options(plainPort: freePort));

            Assert.True(result.PlainListenerRestarted);
            Assert.False(result.TlsListenerRestarted);
            Assert.Equal(freePort, server.LocalEndPoint.Port);
            Assert.Equal(tlsPort, server.TlsLocalEndPoint.Port);
            await Assert.ThrowsAnyAsync<SocketException>(() => Connect(oldPlain));
            await using var plainPlayer = await Play(server, "cam1");
            await SendStream(publisher, 2, gops: 2, firstTimestamp: 1000);
            Assert.Equal(13, (await ReadFrames(player, 13)).Count);
            Assert.Equal(13, (await ReadFrames(plainPlayer, 13)).Count);
        }

        [Fact]
        public async Task A_new_TLS_port_restarts_only_the_TLS_listener_and_a_plain_session_keeps_streaming()
        {
            await using var server = new RtmpServer(Options(plainPort: 0));
            server.Start();
            var plainPort = server.LocalEndPoint.Port;
            var oldTls = server.TlsLocalEndPoint.Port;
            await using var publisher = await Publish(server, "cam1");
            await using var player = await Play(server, "cam1");
            await using var tlsPlayer = await Tls(server, "cam1", publish: false);

            var next = Options(plainPort: 0);
            next.TlsEndpoint = new IPEndPoint(IPAddress.Loopback, FreePort.Get());
            var result = server.Reconfigure(next);

            Assert.False(result.PlainListenerRestarted);
            Assert.True(result.TlsListenerRestarted);
            Assert.Equal(plainPort, server.LocalEndPoint.Port);
            Assert.NotEqual(oldTls, server.TlsLocalEndPoint.Port);
            await Assert.ThrowsAnyAsync<SocketException>(() => Connect(oldTls));
            await using var newTlsPlayer = await Tls(server, "cam1", publish: false);
            await SendStream(publisher, 1, gops: 2);
            Assert.Equal(13, (await ReadFrames(player, 13)).Count);
            Assert.Equal(13, (await ReadFrames(tlsPlayer, 13)).Count);
            Assert.Equal(13, (await ReadFrames(newTlsPlayer, 13)).Count);
        }

        [Fact]
        public async Task Removing_the_plain_listener_stops_it_and_keeps_its_sessions()
        {
            await using var server = new RtmpServer(Options(plainPort: 0));
            server.Start();
            var plainPort = server.LocalEndPoint.Port;
            await using var publisher = await Publish(server, "cam1");
            await using var player = await Tls(server, "cam1", publish: false);
            var next = Options(plainPort: 0);
            next.Endpoint = null;

            Assert.True(server.Reconfigure(next).PlainListenerRestarted);

            Assert.Throws<InvalidOperationException>(() => server.LocalEndPoint);
            await Assert.ThrowsAnyAsync<SocketException>(() => Connect(plainPort));
            await SendStream(publisher, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player, 8)).Count);
        }

        private static RtmpServerOptions Options(int plainPort) => new RtmpServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, plainPort),
            TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Certificate = TestCertificate.Instance,
            Admission = LoopbackAdmission.Generous(),
        };

        private static async Task<RtmpClient> Tls(RtmpServer server, string stream, bool publish)
        {
            var client = await RtmpClient.ConnectAsync(
                RtmpUrl.Parse($"rtmps://127.0.0.1:{server.TlsLocalEndPoint.Port}/live/{stream}"),
                new RtmpClientOptions { AllowUntrustedCertificate = true });
            await (publish ? client.PublishAsync() : client.PlayAsync()).WaitAsync(Timeout);
            return client;
        }

        private static async Task Connect(int port)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)).WaitAsync(Timeout);
        }
    }
}
