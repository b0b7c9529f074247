using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>The server applying its admission limits and timeouts to real sockets; waits are on events.</summary>
    public class AdmissionServerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task Connections_over_MaxConnections_are_closed_at_once_while_a_publisher_and_player_keep_streaming()
        {
            var limits = LoopbackAdmission.Generous();
            limits.MaxConnections = 2;
            await using var server = Start(limits, new LogCapture());
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await using var player = await RtmpServerTests.Play(server, "cam1");

            for (var i = 0; i < 3; i++)
            {
                using var extra = await ConnectRaw(server);
                Assert.Equal(0, await BytesUntilClosed(extra));
            }

            Assert.Equal(3, server.Rejections[RejectionReason.TooManyConnections]);
            await RtmpServerTests.SendStream(publisher, 7, gops: 2);
            var frames = await RtmpServerTests.ReadFrames(player, 4);
            Assert.Contains(frames, f => f.Type == RtmpXProtect.Engine.Rtmp.Messages.MessageType.Video);
        }

        [Fact]
        public async Task An_idle_socket_past_the_decision_timeout_is_closed_with_the_reason_logged()
        {
            var limits = LoopbackAdmission.Generous();
            limits.DecisionTimeout = TimeSpan.FromMilliseconds(300);
            var log = new LogCapture();
            await using var server = Start(limits, log);
            using var idle = await ConnectRaw(server);
            await RtmpServerTests.RawHandshake(idle);

            await BytesUntilClosed(idle);
            await log.WaitFor(l => l.Contains("closed: DecisionTimeout")).WaitAsync(Timeout);
            Assert.Equal(1, server.Rejections[RejectionReason.DecisionTimeout]);
        }

        [Fact]
        public async Task A_handshake_timeout_is_counted_and_logged_by_its_name()
        {
            var log = new LogCapture();
            await using var server = new RtmpServer(
                new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Admission = LoopbackAdmission.Generous(), HandshakeTimeout = TimeSpan.FromMilliseconds(300) },
                log.Logger);
            server.Start();
            using var idle = await ConnectRaw(server);

            Assert.Equal(0, await BytesUntilClosed(idle));
            await log.WaitFor(l => l.Contains("closed: HandshakeTimeout")).WaitAsync(Timeout);
            Assert.Equal(1, server.Rejections[RejectionReason.HandshakeTimeout]);
            Assert.Equal(0, server.Rejections[RejectionReason.DecisionTimeout]);
        }

        [Fact]
        public async Task A_publisher_that_stops_sending_video_is_closed_after_the_video_data_timeout()
        {
            var limits = LoopbackAdmission.Generous();
            limits.VideoDataTimeout = TimeSpan.FromMilliseconds(500);
            var log = new LogCapture();
            await using var server = Start(limits, log);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await RtmpServerTests.SendStream(publisher, 1, gops: 1);

            await log.WaitFor(l => l.Contains("closed: VideoDataTimeout")).WaitAsync(Timeout);
            await log.WaitFor(l => l.Contains("stopped publishing") && l.Contains("live/cam1")).WaitAsync(Timeout);
            Assert.Equal(1, server.Rejections[RejectionReason.VideoDataTimeout]);
        }

        [Fact]
        public async Task A_publisher_that_sent_no_video_yet_is_not_closed_by_the_video_data_timeout()
        {
            var limits = LoopbackAdmission.Generous();
            limits.VideoDataTimeout = TimeSpan.FromMilliseconds(300);
            limits.ReceiveIdleTimeout = TimeSpan.FromMilliseconds(900);
            var log = new LogCapture();
            await using var server = Start(limits, log);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");

            // The publisher answers pings, so it stays idle-free; an idle raw socket marks the time passed.
            using var idle = await ConnectRaw(server);
            await RtmpServerTests.RawHandshake(idle);
            await log.WaitFor(l => l.Contains("closed: ReceiveIdleTimeout")).WaitAsync(Timeout);
            Assert.Equal(0, server.Rejections[RejectionReason.VideoDataTimeout]);
            Assert.NotNull(server.Hub.Find("live/cam1"));
        }

        [Fact]
        public async Task A_player_that_only_receives_is_not_closed_by_the_receive_idle_timeout_because_it_answers_pings()
        {
            var limits = LoopbackAdmission.Generous();
            // Half of it is the time a player has to answer the ping: generous, as the whole suite
            // runs in parallel on two cores.
            limits.ReceiveIdleTimeout = TimeSpan.FromSeconds(3);
            var log = new LogCapture();
            await using var server = Start(limits, log);
            await using var player = await RtmpServerTests.Play(server, "nobody-publishes");

            // Each silent raw socket is closed after one idle timeout; three in a row span several
            // timeouts, through which the player, which sends nothing of its own, must stay.
            for (var i = 1; i <= 3; i++)
            {
                using var idle = await ConnectRaw(server);
                await RtmpServerTests.RawHandshake(idle);
                await BytesUntilClosed(idle);

                // Logged before the socket was closed, so it is there now.
                Assert.Equal(i, log.Lines.Count(l => l.Contains("closed: ReceiveIdleTimeout")));
            }

            Assert.Equal(3, server.Rejections[RejectionReason.ReceiveIdleTimeout]);
        }

        [Fact]
        public async Task Idle_sockets_fill_only_the_undecided_cap_and_a_publisher_gets_in_once_they_time_out()
        {
            var limits = LoopbackAdmission.Generous();
            limits.MaxConnections = 10;
            limits.MaxUndecidedConnections = 4;
            limits.DecisionTimeout = TimeSpan.FromMilliseconds(500);
            var log = new LogCapture();
            await using var server = Start(limits, log);
            await using var early = await RtmpServerTests.Publish(server, "early");

            var idle = new List<Socket>();
            for (var i = 0; i < 20; i++)
            {
                idle.Add(await ConnectRaw(server));
            }

            try
            {
                // All but the cap's four are refused at once; the publisher already in is untouched.
                var closed = await Task.WhenAll(idle.Select(BytesUntilClosed));
                Assert.All(closed, n => Assert.Equal(0, n));
                Assert.Equal(16, server.Rejections[RejectionReason.TooManyUndecidedConnections]);
                Assert.Equal(4, server.Rejections[RejectionReason.DecisionTimeout]);
                var gone = 0;
                await log.WaitFor(l => l.Contains("disconnected after") && l.Contains("DecisionTimeout") && ++gone == 4).WaitAsync(Timeout);
                await RtmpServerTests.SendStream(early, 2, gops: 1);

                await using var late = await RtmpServerTests.Publish(server, "late");
                Assert.NotNull(server.Hub.Find("live/late"));
                Assert.Equal(0, server.Rejections[RejectionReason.TooManyConnections]);
            }
            finally
            {
                foreach (var socket in idle)
                {
                    socket.Dispose();
                }
            }
        }

        [Fact]
        public async Task A_peer_that_holds_more_than_its_memory_budget_in_a_partial_message_is_closed()
        {
            var limits = LoopbackAdmission.Generous();
            limits.MemoryBudgetPerConnection = 1024 * 1024;
            var log = new LogCapture();
            await using var server = Start(limits, log);
            using var peer = await ConnectRaw(server);
            await RtmpServerTests.RawHandshake(peer);

            // Chunk size 64 KiB, then a 4 MiB video message of which 2 MiB arrive.
            var bytes = new List<byte>();
            bytes.AddRange(new byte[] { 2, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 1, 0, 0 });
            const int length = 4 * 1024 * 1024;
            const int chunk = 64 * 1024;
            bytes.AddRange(new byte[] { 6, 0, 0, 0, (byte)((length >> 16) & 0xFF), (byte)((length >> 8) & 0xFF), (byte)(length & 0xFF), 9, 1, 0, 0, 0 });
            for (var sent = 0; sent < length / 2; sent += chunk)
            {
                if (sent > 0)
                {
                    bytes.Add(0xC6);
                }

                bytes.AddRange(new byte[chunk]);
            }

            try
            {
                await peer.SendAsync(bytes.ToArray(), SocketFlags.None);
            }
            catch (SocketException)
            {
                // Closed while sending: what the test waits for below.
            }

            await log.WaitFor(l => l.Contains("closed: MemoryBudgetExceeded")).WaitAsync(Timeout);
            Assert.Equal(1, server.Rejections[RejectionReason.MemoryBudgetExceeded]);
        }

        private static RtmpServer Start(AdmissionLimits limits, LogCapture log)
        {
            var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Admission = limits }, log.Logger);
            server.Start();
            return server;
        }

        private static async Task<Socket> ConnectRaw(RtmpServer server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server.LocalEndPoint);
            return socket;
        }

        // Bytes the server sent before it closed the socket (a reset counts as closed).
        private static async Task<int> BytesUntilClosed(Socket socket)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var buffer = new byte[8192];
            var total = 0;
            try
            {
                int read;
                while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
                {
                    total += read;
                }
            }
            catch (SocketException)
            {
            }

            return total;
        }
    }
}
