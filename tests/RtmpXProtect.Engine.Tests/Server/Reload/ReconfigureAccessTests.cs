using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using Xunit;
using static RtmpXProtect.Engine.Tests.Server.RtmpServerTests;

namespace RtmpXProtect.Engine.Tests.Server.Reload
{
    public class ReconfigureAccessTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_publisher_whose_key_was_removed_is_closed_with_AccessRevoked_while_another_path_and_its_player_keep_every_frame()
        {
            var log = new LogCapture();
            await using var server = new RtmpServer(Options(Policy("CAM1KEY", "CAM2KEY")), log.Logger);
            server.Start();
            await using var cam1 = await Publish(server, "cam1?key=CAM1KEY");
            await using var cam2 = await Publish(server, "cam2?key=CAM2KEY");
            await using var player1 = await Play(server, "cam1");
            await using var player2 = await Play(server, "cam2");
            await SendStream(cam1, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player1, 8)).Count);

            var result = server.Reconfigure(Options(Policy("CAM1KEY", null)));

            var line = await log.WaitFor(l => l.Contains("AccessRevoked")).WaitAsync(Timeout);
            Assert.Contains("live/cam2?****", line);
            Assert.DoesNotContain("CAM2KEY", string.Join("\n", log.Lines));
            Assert.Equal(1, result.SessionsRevoked);
            Assert.Equal(1, server.Rejections[RejectionReason.AccessRevoked]);
            Assert.False(result.PlainListenerRestarted);

            // cam1's publisher and player, and cam2's player (playing needs no key), were not touched.
            await SendStream(cam1, 2, gops: 3, firstTimestamp: 1000);
            var after = await ReadFrames(player1, 3 + 15);
            Assert.Equal(1 + 12, after.Count(f => f.Type == MessageType.Video));
            Assert.Equal(3120u, after.Last(f => f.Type == MessageType.Video).Timestamp);
        }

        [Fact]
        public async Task A_player_whose_play_key_was_removed_is_closed_and_one_on_an_unchanged_path_stays()
        {
            var log = new LogCapture();
            var before = Policy("CAM1KEY", "CAM2KEY");
            before.PlayRequiresKey = true;
            before.Paths[1].PlayKeys.Add("VIEW2");
            await using var server = new RtmpServer(Options(before), log.Logger);
            server.Start();
            await using var cam1 = await Publish(server, "cam1?key=CAM1KEY");
            await using var player1 = await Play(server, "cam1?key=CAM1KEY");
            await using var player2 = await Play(server, "cam2?key=VIEW2");

            var after = Policy("CAM1KEY", "CAM2KEY");
            after.PlayRequiresKey = true;
            var result = server.Reconfigure(Options(after));

            Assert.Equal(1, result.SessionsRevoked);
            Assert.Contains("play live/cam2?****", await log.WaitFor(l => l.Contains("AccessRevoked")).WaitAsync(Timeout));
            await SendStream(cam1, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player1, 8)).Count);
        }

        [Fact]
        public async Task Opening_an_open_server_with_keys_closes_publishers_without_one_and_keeps_those_with_one()
        {
            var log = new LogCapture();
            await using var server = new RtmpServer(Options(null), log.Logger);
            server.Start();
            await using var keyed = await Publish(server, "cam1?key=CAM1KEY");
            await using var bare = await Publish(server, "cam2");

            var result = server.Reconfigure(Options(Policy("CAM1KEY", null)));

            Assert.Equal(1, result.SessionsRevoked);
            Assert.Contains("live/cam2", await log.WaitFor(l => l.Contains("AccessRevoked")).WaitAsync(Timeout));
            await using var player = await Play(server, "cam1");
            await SendStream(keyed, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player, 8)).Count);
        }

        [Fact]
        public async Task New_admission_limits_apply_to_the_next_connection()
        {
            await using var server = new RtmpServer(Options(null));
            server.Start();
            await using var first = await Publish(server, "cam1");
            var tighter = Options(null);
            tighter.Admission = new AdmissionLimits { MaxConnections = 1 };

            server.Reconfigure(tighter);

            await Assert.ThrowsAnyAsync<Exception>(() => Publish(server, "cam2").WaitAsync(Timeout));
            Assert.Equal(1, server.Rejections[RejectionReason.TooManyConnections]);
            Assert.Equal(1, server.ConnectionCount);
        }

        [Fact]
        public async Task A_path_set_not_to_record_is_not_recorded_while_the_rest_is_after_a_reload_turned_recording_on()
        {
            var directory = Path.Combine(Path.GetTempPath(), "rtmpx-reload-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                await using var server = new RtmpServer(Options(null));
                server.Start();
                var policy = new AccessPolicy();
                policy.PublishKeys.Add("K");
                policy.Paths.Add(new AccessPath("live/cam2") { Record = false });
                var recording = Options(policy);
                recording.RecordDirectory = directory;

                server.Reconfigure(recording);
                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                int ended = 0;
                server.Hub.PublishStopped += _ =>
                {
                    if (Interlocked.Increment(ref ended) == 2)
                    {
                        stopped.TrySetResult();
                    }
                };
                await using (var cam1 = await Publish(server, "cam1?key=K"))
                await using (var cam2 = await Publish(server, "cam2?key=K"))
                {
                    await SendStream(cam1, 1, gops: 1);
                    await SendStream(cam2, 2, gops: 1);
                }

                // Both publishes read to their end before the server stops: stopping first would cut frames still in flight.
                await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await server.StopAsync();
                var files = Directory.GetFiles(directory, "*.mp4", SearchOption.AllDirectories);
                Assert.Single(files);
                Assert.Contains("cam1", files[0]);
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        internal static RtmpServerOptions Options(AccessPolicy? policy) => new RtmpServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Admission = LoopbackAdmission.Generous(),
            Access = policy,
        };

        private static AccessPolicy Policy(string cam1Key, string? cam2Key)
        {
            var policy = new AccessPolicy { Mode = AccessMode.Fixed };
            var cam1 = new AccessPath("live/cam1");
            cam1.PublishKeys.Add(cam1Key);
            var cam2 = new AccessPath("live/cam2");
            if (cam2Key != null)
            {
                cam2.PublishKeys.Add(cam2Key);
            }

            policy.Paths.Add(cam1);
            policy.Paths.Add(cam2);
            return policy;
        }
    }
}
