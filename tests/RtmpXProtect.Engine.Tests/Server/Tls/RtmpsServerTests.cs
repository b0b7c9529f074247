using System;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Tls
{
    public class RtmpsServerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_client_publishes_and_another_plays_over_rtmps()
        {
            await using var server = Start(plain: false);
            await using var publisher = await Connect(server, "cam1");
            await publisher.PublishAsync().WaitAsync(Timeout);
            await using var player = await Connect(server, "cam1");
            await player.PlayAsync().WaitAsync(Timeout);

            await RtmpServerTests.SendStream(publisher, 1, gops: 3, frameSize: 50_000);
            var received = await RtmpServerTests.ReadFrames(player, 3 + 3 * 5);
            Assert.Equal(new[] { FrameKind.Metadata, FrameKind.VideoConfig, FrameKind.AudioConfig, FrameKind.VideoKeyFrame }, received.Take(4).Select(m => MediaFrame.From(m).Kind));
            Assert.All(received.Where(m => MediaFrame.From(m).Kind == FrameKind.VideoKeyFrame), m => Assert.Equal(50_000, m.Payload.Length));
        }

        [Fact]
        public async Task A_plain_player_receives_what_an_rtmps_publisher_sends()
        {
            await using var server = Start(plain: true);
            await using var publisher = await Connect(server, "cam1");
            await publisher.PublishAsync().WaitAsync(Timeout);
            await using var player = await RtmpServerTests.Play(server, "cam1");

            await RtmpServerTests.SendStream(publisher, 2, gops: 1);
            Assert.Equal(3 + 5, (await RtmpServerTests.ReadFrames(player, 8)).Count);
        }

        [Fact]
        public async Task A_plain_rtmp_client_on_the_tls_port_is_closed_with_a_named_reason_while_rtmps_keeps_working()
        {
            var log = new LogCapture();
            await using var server = Start(plain: false, log: log);
            await using var publisher = await Connect(server, "cam1");
            await publisher.PublishAsync().WaitAsync(Timeout);

            using (var plain = new Socket(SocketType.Stream, ProtocolType.Tcp))
            {
                await plain.ConnectAsync(server.TlsLocalEndPoint);
                var c0c1 = new byte[1537];
                c0c1[0] = 3;
                await plain.SendAsync(c0c1, SocketFlags.None);
                Assert.Equal(0, await ReadUntilClosed(plain));
            }

            var line = await log.WaitFor(l => l.Contains("tls handshake failed")).WaitAsync(Timeout);
            Assert.Contains("disconnected", line);

            await using var player = await Connect(server, "cam1");
            await player.PlayAsync().WaitAsync(Timeout);
            await RtmpServerTests.SendStream(publisher, 3, gops: 1);
            Assert.Equal(3 + 5, (await RtmpServerTests.ReadFrames(player, 8)).Count);
        }

        [Fact]
        public async Task Random_bytes_on_the_tls_port_are_closed_with_a_named_reason()
        {
            var log = new LogCapture();
            await using var server = Start(plain: true, log: log);
            var random = new Random(42);
            for (var i = 0; i < 20; i++)
            {
                using var garbage = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await garbage.ConnectAsync(server.TlsLocalEndPoint);
                var bytes = new byte[random.Next(1, 4096)];
                random.NextBytes(bytes);

                // Half of them look like a TLS handshake record, so the parser gets past the first byte.
                if (i % 2 == 0 && bytes.Length > 5)
                {
                    bytes[0] = 0x16;
                    bytes[1] = 3;
                    bytes[2] = 3;
                }

                await garbage.SendAsync(bytes, SocketFlags.None);
                garbage.Shutdown(SocketShutdown.Send);
                Assert.Equal(0, await ReadUntilClosed(garbage));
            }

            await WaitForCount(log, "tls handshake failed", 20);

            // The plain port was never disturbed.
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            Assert.NotNull(server.Hub.Find("live/cam1"));
        }

        [Fact]
        public async Task A_peer_that_never_starts_tls_is_closed_after_the_tls_handshake_timeout()
        {
            var log = new LogCapture();
            await using var server = new RtmpServer(
                new RtmpServerOptions
                {
                    Endpoint = null,
                    TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
                    Certificate = TestCertificate.Instance,
                    TlsHandshakeTimeout = TimeSpan.FromMilliseconds(300),
                },
                log.Logger);
            server.Start();
            using var idle = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await idle.ConnectAsync(server.TlsLocalEndPoint);

            Assert.Equal(0, await ReadUntilClosed(idle));
            var line = await log.WaitFor(l => l.Contains("tls handshake failed")).WaitAsync(Timeout);
            Assert.Contains("no handshake within 0.3 s", line);
        }

        [Fact]
        public async Task An_rtmps_only_server_has_no_plain_endpoint()
        {
            await using var server = Start(plain: false);
            Assert.Throws<InvalidOperationException>(() => server.LocalEndPoint);
            Assert.NotEqual(0, server.TlsLocalEndPoint.Port);
        }

        [Fact]
        public async Task Start_refuses_rtmps_without_a_certificate_and_a_server_without_endpoints()
        {
            await using var noCertificate = new RtmpServer(new RtmpServerOptions { Endpoint = null, TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0) });
            Assert.Contains("certificate", Assert.Throws<InvalidOperationException>(noCertificate.Start).Message);
            await using var nothing = new RtmpServer(new RtmpServerOptions { Endpoint = null });
            Assert.Throws<InvalidOperationException>(nothing.Start);
        }

        [Fact]
        public void The_defaults_keep_plain_rtmp_only_with_a_ten_second_tls_handshake()
        {
            var options = new RtmpServerOptions();
            Assert.Equal(new IPEndPoint(IPAddress.Any, 1935), options.Endpoint);
            Assert.Null(options.TlsEndpoint);
            Assert.Null(options.Certificate);
            Assert.Equal(TimeSpan.FromSeconds(10), options.TlsHandshakeTimeout);
        }

        [Fact]
        public async Task A_client_that_validates_refuses_the_self_signed_certificate()
        {
            await using var server = Start(plain: false);
            var url = RtmpUrl.Parse($"rtmps://127.0.0.1:{server.TlsLocalEndPoint.Port}/live/cam1");
            await Assert.ThrowsAnyAsync<Exception>(() => RtmpClient.ConnectAsync(url).WaitAsync(Timeout));
        }

        internal static RtmpServer Start(bool plain, LogCapture? log = null)
        {
            var server = new RtmpServer(
                new RtmpServerOptions
                {
                    Endpoint = plain ? new IPEndPoint(IPAddress.Loopback, 0) : null,
                    TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
                    Certificate = TestCertificate.Instance,
                    Admission = LoopbackAdmission.Generous(),
                },
                log?.Logger);
            server.Start();
            return server;
        }

        private static Task<RtmpClient> Connect(RtmpServer server, string stream)
            => RtmpClient.ConnectAsync(
                RtmpUrl.Parse($"rtmps://127.0.0.1:{server.TlsLocalEndPoint.Port}/live/{stream}"),
                new RtmpClientOptions { AllowUntrustedCertificate = true });

        private static async Task<int> ReadUntilClosed(Socket socket)
        {
            using var cts = new CancellationTokenSource(Timeout);
            var buffer = new byte[4096];
            int read;
            try
            {
                do
                {
                    read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                }
                while (read > 0);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // An alert followed by a close can arrive as a reset; closed all the same.
                return 0;
            }

            return read;
        }

        // Each line is offered to the match once, earlier lines first.
        private static Task WaitForCount(LogCapture log, string text, int count)
        {
            var seen = 0;
            return log.WaitFor(l => l.Contains(text) && ++seen >= count).WaitAsync(Timeout);
        }
    }
}
