using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Access
{
    public class AccessDeciderTests
    {
        internal static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        internal static readonly byte[] Secret = Encoding.UTF8.GetBytes("signing-secret");

        [Theory]
        [InlineData("live", "cam1?key=GOOD", true)]
        [InlineData("live", "cam1?key=BAD", false)]
        [InlineData("live", "cam1", false)]
        [InlineData("live", "cam1?key=", false)]
        [InlineData("live", "cam2?key=GOOD", false)]
        [InlineData("", "live/cam1?key=GOOD", true)]
        [InlineData("/live/", "/cam1?key=GOOD", true)]
        [InlineData("live?key=GOOD", "cam1", true)]
        [InlineData("live", "cam1?foo=1&key=GOOD", true)]
        [InlineData("live", "cam1?key=GO%4FD", true)]
        [InlineData("live", "cam1?key=GOODX", false)]
        [InlineData("live", "cam1?key=GOO", false)]
        public async Task Fixed_mode_allows_a_listed_path_with_its_key_only(string app, string stream, bool allowed)
        {
            var decision = await Decide(FixedPolicy(), AccessAction.Publish, app, stream);
            Assert.Equal(allowed, decision.IsAllowed);
            if (allowed)
            {
                Assert.Equal("live/cam1", decision.Path);
            }
        }

        [Fact]
        public async Task A_bare_path_entry_resolves_under_any_app()
        {
            var policy = new AccessPolicy { Mode = AccessMode.Fixed };
            var entry = new AccessPath("/stream1");
            entry.PublishKeys.Add("K1");
            policy.Paths.Add(entry);

            Assert.True((await Decide(policy, AccessAction.Publish, "live", "stream1?key=K1")).IsAllowed);
            Assert.True((await Decide(policy, AccessAction.Publish, "", "stream1?key=K1")).IsAllowed);
            Assert.Equal("stream1", (await Decide(policy, AccessAction.Publish, "live", "stream1?key=K1")).Path);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "stream2?key=K1")).IsAllowed);
        }

        [Fact]
        public async Task A_path_anyone_publishes_to_takes_no_key_and_still_checks_networks_and_other_paths()
        {
            var policy = new AccessPolicy { Mode = AccessMode.Fixed };
            var open = new AccessPath("/stream2") { AnyonePublishes = true };
            open.PublisherNetworks.Add("127.0.0.0/8");
            policy.Paths.Add(open);
            policy.Paths.Add(new AccessPath("/stream1"));

            Assert.True((await Decide(policy, AccessAction.Publish, "live", "stream2")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "stream2", IPAddress.Parse("10.0.0.9"))).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "stream1")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "stream3")).IsAllowed);
        }

        [Fact]
        public async Task An_unknown_path_and_a_wrong_key_are_told_apart_only_in_the_log()
        {
            var unknown = await Decide(FixedPolicy(), AccessAction.Publish, "live", "nope?key=GOOD");
            var wrong = await Decide(FixedPolicy(), AccessAction.Publish, "live", "cam1?key=BAD");
            Assert.False(unknown.IsAllowed);
            Assert.False(wrong.IsAllowed);
            Assert.Equal("no such path", unknown.Reason);
            Assert.Equal("wrong key", wrong.Reason);
            Assert.Null(unknown.KeyIdentity);
            Assert.Null(wrong.KeyIdentity);
        }

        [Fact]
        public async Task Open_mode_accepts_any_name_with_a_global_key()
        {
            var policy = new AccessPolicy();
            policy.PublishKeys.Add("GLOBAL");
            Assert.True((await Decide(policy, AccessAction.Publish, "live", "anything?key=GLOBAL")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "anything?key=OTHER")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "anything")).IsAllowed);
        }

        [Fact]
        public async Task Open_mode_still_honours_a_paths_own_key()
        {
            var policy = FixedPolicy();
            policy.Mode = AccessMode.Open;
            Assert.True((await Decide(policy, AccessAction.Publish, "live", "cam1?key=GOOD")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "cam2?key=GOOD")).IsAllowed);
        }

        [Fact]
        public async Task Key_identities_name_the_key_slot_never_the_key()
        {
            var policy = FixedPolicy();
            policy.Paths[0].PublishKeys.Add("SECOND");
            var first = await Decide(policy, AccessAction.Publish, "live", "cam1?key=GOOD");
            var second = await Decide(policy, AccessAction.Publish, "live", "cam1?key=SECOND");
            Assert.Equal("key live/cam1#1", first.KeyIdentity);
            Assert.Equal("key live/cam1#2", second.KeyIdentity);
            Assert.DoesNotContain("GOOD", first.Reason);
        }

        [Theory]
        [InlineData("10.1.2.3", true)]
        [InlineData("::ffff:10.1.2.3", true)]
        [InlineData("192.168.1.20", true)]
        [InlineData("192.168.1.21", false)]
        [InlineData("11.0.0.1", false)]
        [InlineData("fd00::1", true)]
        [InlineData("fe80::1", false)]
        public async Task Publishers_must_come_from_an_allowed_network(string address, bool allowed)
        {
            var policy = FixedPolicy();
            policy.PublisherNetworks.Add("10.0.0.0/8");
            policy.PublisherNetworks.Add("192.168.1.20");
            policy.PublisherNetworks.Add("fd00::/8");
            var decision = await Decide(policy, AccessAction.Publish, "live", "cam1?key=GOOD", IPAddress.Parse(address));
            Assert.Equal(allowed, decision.IsAllowed);
        }

        [Fact]
        public async Task The_network_list_does_not_limit_players()
        {
            var policy = FixedPolicy();
            policy.PublisherNetworks.Add("10.0.0.0/8");
            Assert.True((await Decide(policy, AccessAction.Play, "live", "cam1", IPAddress.Parse("11.0.0.1"))).IsAllowed);
        }

        [Fact]
        public void A_malformed_network_is_refused_when_the_decider_is_built()
        {
            var policy = new AccessPolicy();
            policy.PublisherNetworks.Add("10.0.0.0/40");
            Assert.Throws<FormatException>(() => new AccessDecider(policy));
        }

        [Fact]
        public async Task Anyone_plays_a_path_that_exists_unless_play_needs_a_key()
        {
            var policy = FixedPolicy();
            Assert.True((await Decide(policy, AccessAction.Play, "live", "cam1")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Play, "live", "cam9")).IsAllowed);

            policy.PlayRequiresKey = true;
            policy.Paths[0].PlayKeys.Add("VIEW");
            Assert.False((await Decide(policy, AccessAction.Play, "live", "cam1")).IsAllowed);
            Assert.True((await Decide(policy, AccessAction.Play, "live", "cam1?key=VIEW")).IsAllowed);
            Assert.True((await Decide(policy, AccessAction.Play, "live", "cam1?key=GOOD")).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "cam1?key=VIEW")).IsAllowed);
        }

        [Fact]
        public async Task A_valid_signed_url_allows_and_a_stale_or_forged_one_does_not()
        {
            var policy = new AccessPolicy { SigningSecret = Secret };
            var good = SignedUrl.Create(Secret, "live/cam1", Now.AddMinutes(5));
            var stale = SignedUrl.Create(Secret, "live/cam1", Now.AddSeconds(-1));
            var forged = SignedUrl.Create(Encoding.UTF8.GetBytes("other"), "live/cam1", Now.AddMinutes(5));
            var otherPath = SignedUrl.Create(Secret, "live/cam2", Now.AddMinutes(5));

            var allowed = await Decide(policy, AccessAction.Publish, "live", "cam1?" + good);
            Assert.True(allowed.IsAllowed);
            Assert.Equal("signed live/cam1", allowed.KeyIdentity);
            Assert.Equal("signed URL: expired", (await Decide(policy, AccessAction.Publish, "live", "cam1?" + stale)).Reason);
            Assert.Equal("signed URL: badsignature", (await Decide(policy, AccessAction.Publish, "live", "cam1?" + forged)).Reason);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "cam1?" + otherPath)).IsAllowed);
            Assert.False((await Decide(new AccessPolicy(), AccessAction.Publish, "live", "cam1?" + good)).IsAllowed);
        }

        [Fact]
        public async Task A_signed_url_in_fixed_mode_opens_listed_paths_only()
        {
            var policy = FixedPolicy();
            policy.SigningSecret = Secret;
            Assert.True((await Decide(policy, AccessAction.Publish, "live", "cam1?" + SignedUrl.Create(Secret, "live/cam1", Now.AddMinutes(1)))).IsAllowed);
            Assert.False((await Decide(policy, AccessAction.Publish, "live", "cam2?" + SignedUrl.Create(Secret, "live/cam2", Now.AddMinutes(1)))).IsAllowed);
        }

        [Fact]
        public async Task An_empty_stream_name_is_refused()
        {
            Assert.False((await Decide(FixedPolicy(), AccessAction.Publish, "live", "?key=GOOD")).IsAllowed);
        }

        [Fact]
        public async Task Random_queries_only_ever_deny()
        {
            var random = new Random(4242);
            var decider = new AccessDecider(FixedPolicyWithSecret());
            const string alphabet = "abcdefkeysigxp=&%?/+0123456789-_GOD";
            for (var i = 0; i < 3000; i++)
            {
                var chars = new char[random.Next(0, 80)];
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = random.Next(10) == 0 ? (char)random.Next(0, 0x3000) : alphabet[random.Next(alphabet.Length)];
                }

                var query = new string(chars);
                var request = new AccessRequest(AccessAction.Publish, StreamName.Parse("live"), StreamName.Parse("cam1?" + query), IPAddress.Loopback, i, Now);
                var decision = await decider.DecideAsync(request);
                // Nothing random is a valid signature, so only a key can open the path.
                Assert.True(!decision.IsAllowed || query.Contains("key=") || query.Contains("key%3D") || query.Contains("k%"), query);
                if (query.Length > 3)
                {
                    Assert.DoesNotContain(query, decision.Reason, StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void The_masked_request_shows_the_path_and_hides_the_query()
        {
            var request = new AccessRequest(AccessAction.Publish, StreamName.Parse("live?key=A"), StreamName.Parse("cam1?key=B"), null, 1, Now);
            Assert.Equal("live/cam1?****", request.ToString());
            Assert.Equal("live/cam1", new AccessRequest(AccessAction.Play, StreamName.Parse("live"), StreamName.Parse("cam1"), null, 1, Now).ToString());
        }

        internal static AccessPolicy FixedPolicy()
        {
            var policy = new AccessPolicy { Mode = AccessMode.Fixed };
            var entry = new AccessPath("live/cam1");
            entry.PublishKeys.Add("GOOD");
            policy.Paths.Add(entry);
            return policy;
        }

        private static AccessPolicy FixedPolicyWithSecret()
        {
            var policy = FixedPolicy();
            policy.SigningSecret = Secret;
            return policy;
        }

        private static Task<AccessDecision> Decide(AccessPolicy policy, AccessAction action, string app, string stream, IPAddress? address = null)
            => new AccessDecider(policy).DecideAsync(new AccessRequest(action, Normalised(app), StreamName.Parse(stream), address ?? IPAddress.Loopback, 7, Now));

        // As ConnectRequest does: slashes go, the query stays.
        private static StreamName Normalised(string app)
        {
            var parsed = StreamName.Parse(app);
            return new StreamName(parsed.Name.Trim('/'), parsed.Query);
        }
    }
}
