using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server.Tls;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class StreamEndTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        /// <summary>
        /// A publisher that sends its last frames (audio after the last video, which a player's queue
        /// holds back for the next video) and closes at once: every player still gets every frame
        /// before its play ends. Rounds vary the frame count and size, the players' receive queues and
        /// whether writes are merged; the server closes the publish while the frames may still be queued.
        /// </summary>
        [Theory]
        [InlineData(false, false)]
        [InlineData(false, true)]
        [InlineData(true, false)]
        [InlineData(true, true)]
        public async Task Players_get_every_frame_a_publisher_sent_before_it_closed(bool tls, bool mergedWrites)
        {
            const int rounds = 150;
            // A round's burst (up to 8 MB, far faster than real time) must not make the slow-player
            // policy skip frames: that loss is intended and not what this test looks for.
            var policy = new PlayerQueuePolicy { SkipAboveBytes = 32 * 1024 * 1024, DisconnectAboveBytes = 48 * 1024 * 1024 };
            if (mergedWrites)
            {
                policy.MergeWritesFromPlayers = 1;
                policy.MergedWriteMilliseconds = 200;
            }

            await using var server = Start(tls, policy);
            var shortRounds = new List<string>();
            for (var round = 0; round < rounds; round++)
            {
                var random = new Random(round);
                var videoFrames = random.Next(1, 40);
                var frameSize = random.Next(3) switch { 0 => random.Next(10, 300), 1 => random.Next(300, 20_000), _ => random.Next(20_000, 200_000) };
                var trailingAudio = random.Next(0, 4);
                var queueLength = random.Next(2) == 0 ? 1 : 64;
                var name = "eof" + round;

                var players = new List<RtmpClient>();
                for (var p = random.Next(1, 3); p > 0; p--)
                {
                    var player = await Connect(server, tls, name, queueLength);
                    await player.PlayAsync().WaitAsync(Timeout);
                    players.Add(player);
                }

                var reads = players.Select(ReadAll).ToList();
                var sent = new List<uint>();
                var publisher = await Connect(server, tls, name, 64);
                await publisher.PublishAsync().WaitAsync(Timeout);
                await publisher.SendAsync(new RtmpMessage(MessageType.Video, 0, 0, Frames.AvcSequenceHeader()));
                await publisher.SendAsync(new RtmpMessage(MessageType.Audio, 0, 0, Frames.AacSequenceHeader()));
                sent.Add(0);
                sent.Add(0);
                uint t = 0;
                for (var i = 0; i < videoFrames; i++)
                {
                    t = (uint)(i * 40);
                    await publisher.SendAsync(new RtmpMessage(MessageType.Video, t, 0, Frames.Video(i == 0, frameSize, (byte)i)));
                    sent.Add(t);
                    if (random.Next(2) == 0)
                    {
                        await publisher.SendAsync(new RtmpMessage(MessageType.Audio, t + 5, 0, Frames.Aac((byte)i)));
                        sent.Add(t + 5);
                    }
                }

                for (var a = 1; a <= trailingAudio; a++)
                {
                    await publisher.SendAsync(new RtmpMessage(MessageType.Audio, t + (uint)(a * 7), 0, Frames.Aac(0xEE)));
                    sent.Add(t + (uint)(a * 7));
                }

                await publisher.CloseAsync();
                for (var p = 0; p < players.Count; p++)
                {
                    var received = await reads[p];
                    if (received.Count != sent.Count)
                    {
                        shortRounds.Add($"round {round} player {p}: {received.Count} of {sent.Count} ({videoFrames} video of {frameSize} bytes, {trailingAudio} trailing audio, queue {queueLength}); last sent {sent.Last()}, last received {(received.Count == 0 ? "none" : received.Last().ToString())}");
                    }

                    await players[p].DisposeAsync();
                }
            }

            Assert.True(shortRounds.Count == 0, $"{shortRounds.Count} plays in {rounds} rounds lost frames:\n" + string.Join("\n", shortRounds.Take(20)));
        }

        private static async Task<List<uint>> ReadAll(RtmpClient player)
        {
            // A play that stops receiving fails after Timeout; one that is merely slow on a loaded
            // machine (a round sends up to 8 MB, TLS included) does not.
            var received = new List<uint>();
            using var cts = new CancellationTokenSource(Timeout);
            await foreach (var message in player.Received.ReadAllAsync(cts.Token))
            {
                cts.CancelAfter(Timeout);
                if (message.Type == MessageType.Audio || message.Type == MessageType.Video)
                {
                    received.Add(message.Timestamp);
                }
            }

            return received;
        }

        private static RtmpServer Start(bool tls, PlayerQueuePolicy policy)
        {
            var server = new RtmpServer(new RtmpServerOptions
            {
                Endpoint = tls ? null : new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
                TlsEndpoint = tls ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0) : null,
                Certificate = tls ? TestCertificate.Instance : null,
                PlayerQueue = policy,
                Admission = LoopbackAdmission.Generous(),
            });
            server.Start();
            return server;
        }

        private static Task<RtmpClient> Connect(RtmpServer server, bool tls, string stream, int queueLength)
        {
            var url = tls
                ? $"rtmps://127.0.0.1:{server.TlsLocalEndPoint.Port}/live/{stream}"
                : $"rtmp://127.0.0.1:{server.LocalEndPoint.Port}/live/{stream}";
            return RtmpClient.ConnectAsync(RtmpUrl.Parse(url), new RtmpClientOptions { AllowUntrustedCertificate = true, ReceiveQueueLength = queueLength });
        }
    }
}
