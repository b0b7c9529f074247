using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using Xunit;
using static RtmpXProtect.Engine.Tests.Server.RtmpServerTests;

namespace RtmpXProtect.Engine.Tests.Server.Access
{
    public class AccessOverTheWireTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_publisher_with_the_key_streams_to_a_player()
        {
            var log = new LogCapture();
            await using var server = Start(Policy(), log);
            await using var publisher = await Publish(server, "cam1?key=GOOD");
            await using var player = await Play(server, "cam1");
            await SendStream(publisher, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player, 8)).Count);
            await log.WaitFor(l => l.Contains("publishes") && l.Contains("live/cam1?****")).WaitAsync(Timeout);
        }

        [Fact]
        public async Task A_wrong_key_and_an_unknown_path_get_the_same_answer()
        {
            var log = new LogCapture();
            await using var server = Start(Policy(), log);
            var wrong = await RefusedPublish(server, "cam1?key=BAD");
            var unknown = await RefusedPublish(server, "cam9?key=GOOD");
            Assert.Equal(StatusCodes.PublishBadName, wrong.Code);
            Assert.Equal(wrong.Code, unknown.Code);
            Assert.Equal(AccessDecision.PublicDenial, wrong.Description);
            Assert.Equal(wrong.Description, unknown.Description);
            await log.WaitFor(l => l.Contains("live/cam9?****") && l.Contains("no such path")).WaitAsync(Timeout);
            await log.WaitFor(l => l.Contains("live/cam1?****") && l.Contains("wrong key")).WaitAsync(Timeout);
        }

        [Fact]
        public async Task No_key_or_signature_reaches_the_log()
        {
            var log = new LogCapture();
            var policy = Policy();
            policy.SigningSecret = AccessDeciderTests.Secret;
            policy.PlayRequiresKey = true;
            await using (var server = Start(policy, log))
            {
                var signed = SignedUrl.Create(AccessDeciderTests.Secret, "live/cam2", DateTimeOffset.UtcNow.AddMinutes(5));
                await RefusedPublish(server, "cam1?key=WRONGKEY1");
                await RefusedPublish(server, "cam2?" + signed);
                await using var publisher = await Publish(server, "cam1?key=GOOD");
                await using var player = await Play(server, "cam1?key=GOOD");
                await SendStream(publisher, 1, gops: 1);
                await ReadFrames(player, 8);
                await using var refusedPlayer = await RtmpClient.ConnectAsync(Url(server, "cam1?key=WRONGKEY2"));
                await Assert.ThrowsAsync<RtmpStatusException>(() => refusedPlayer.PlayAsync().WaitAsync(Timeout));
                await log.WaitFor(l => l.Contains("may not play")).WaitAsync(Timeout);
                var sig = signed.Substring(signed.IndexOf("sig=", StringComparison.Ordinal) + 4);
                var exp = signed.Substring(4, signed.IndexOf('&') - 4);
                foreach (var secret in new[] { "GOOD", "WRONGKEY1", "WRONGKEY2", sig, exp })
                {
                    Assert.DoesNotContain(log.Lines, l => l.Contains(secret, StringComparison.Ordinal));
                }
            }

            Assert.DoesNotContain(log.Lines, l => l.Contains("GOOD", StringComparison.Ordinal));
        }

        [Fact]
        public async Task With_sameKey_takeover_a_reconnecting_publisher_replaces_the_stale_one_and_players_stay()
        {
            var log = new LogCapture();
            var policy = Policy();
            policy.Takeover = TakeoverPolicy.SameKey;
            await using var server = Start(policy, log);
            await using var stale = await Publish(server, "cam1?key=GOOD");
            await using var player = await Play(server, "cam1");
            await SendStream(stale, 1, gops: 1);
            await ReadFrames(player, 8);

            await using var fresh = await Publish(server, "cam1?key=GOOD");
            await log.WaitFor(l => l.Contains("replaced by a new publisher with the same key")).WaitAsync(Timeout);
            await SendStream(fresh, 2, gops: 1, firstTimestamp: 5000);
            var frames = await ReadFrames(player, 8);
            // Everything the player gets now comes from the new publisher, whose clock starts at 5 s.
            Assert.All(frames, f => Assert.True(f.Timestamp >= 5000u, "timestamp " + f.Timestamp));
        }

        [Fact]
        public async Task With_sameKey_takeover_a_different_key_is_still_refused()
        {
            var policy = Policy();
            policy.Takeover = TakeoverPolicy.SameKey;
            policy.Paths[0].PublishKeys.Add("OTHER");
            await using var server = Start(policy, new LogCapture());
            await using var holder = await Publish(server, "cam1?key=GOOD");
            var refused = await RefusedPublish(server, "cam1?key=OTHER");
            Assert.Equal("Stream is already being published", refused.Description);
        }

        [Fact]
        public async Task Without_takeover_the_same_key_is_refused_while_the_path_is_published()
        {
            await using var server = Start(Policy(), new LogCapture());
            await using var holder = await Publish(server, "cam1?key=GOOD");
            var refused = await RefusedPublish(server, "cam1?key=GOOD");
            Assert.Equal(StatusCodes.PublishBadName, refused.Code);
            Assert.Equal("Stream is already being published", refused.Description);
        }

        [Fact]
        public async Task A_key_in_the_app_part_is_honoured()
        {
            await using var server = Start(Policy(), new LogCapture());
            var url = RtmpUrl.Parse($"rtmp://127.0.0.1:{server.LocalEndPoint.Port}/live?key=GOOD/cam1");
            await using var client = await RtmpClient.ConnectAsync(url);
            await client.PublishAsync().WaitAsync(Timeout);
        }

        private static AccessPolicy Policy() => AccessDeciderTests.FixedPolicy();

        private static RtmpServer Start(AccessPolicy policy, LogCapture log)
        {
            var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Access = policy }, log.Logger);
            server.Start();
            return server;
        }

        private static async Task<StatusInfo> RefusedPublish(RtmpServer server, string stream)
        {
            await using var client = await RtmpClient.ConnectAsync(Url(server, stream));
            var e = await Assert.ThrowsAsync<RtmpStatusException>(() => client.PublishAsync().WaitAsync(Timeout));
            return e.Status;
        }
    }
}
