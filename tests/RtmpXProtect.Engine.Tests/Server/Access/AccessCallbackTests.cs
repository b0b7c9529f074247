using System;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Access
{
    public class AccessCallbackTests
    {
        [Theory]
        [InlineData(200, true)]
        [InlineData(204, true)]
        [InlineData(302, false)]
        [InlineData(403, false)]
        [InlineData(500, false)]
        public async Task The_callback_allows_on_2xx_only(int status, bool allowed)
        {
            using var endpoint = new CallbackEndpoint(status);
            var decision = await Decide(endpoint.Url, TimeSpan.FromSeconds(10), "cam1?token=abc");
            Assert.Equal(allowed, decision.IsAllowed);
            if (!allowed)
            {
                Assert.Contains(status.ToString(), decision.Reason);
            }
        }

        [Fact]
        public async Task A_callback_that_does_not_answer_in_time_denies()
        {
            using var endpoint = new CallbackEndpoint(null);
            var decision = await Decide(endpoint.Url, TimeSpan.FromMilliseconds(200), "cam1?token=abc");
            Assert.False(decision.IsAllowed);
            Assert.Contains("did not answer", decision.Reason);
        }

        [Fact]
        public async Task An_unreachable_callback_denies()
        {
            Uri url;
            using (var endpoint = new CallbackEndpoint(200))
            {
                url = endpoint.Url;
            }

            Assert.False((await Decide(url, TimeSpan.FromSeconds(10), "cam1")).IsAllowed);
        }

        [Fact]
        public async Task The_callback_gets_a_json_description_of_the_request_with_its_parameters()
        {
            using var endpoint = new CallbackEndpoint(200);
            await Decide(endpoint.Url, TimeSpan.FromSeconds(10), "cam1?token=a\"b&x=1", app: "live?tenant=t1");
            Assert.True(endpoint.Bodies.TryTake(out var body, TimeSpan.FromSeconds(10)));
            Assert.Equal("{\"action\":\"publish\",\"app\":\"live\",\"stream\":\"cam1\",\"path\":\"live/cam1\",\"params\":{\"token\":\"a\\\"b\",\"x\":\"1\",\"tenant\":\"t1\"},\"remoteAddress\":\"10.0.0.5\",\"clientId\":42}", body);
        }

        [Fact]
        public async Task A_valid_key_allows_without_asking_the_callback()
        {
            using var endpoint = new CallbackEndpoint(403);
            var policy = AccessDeciderTests.FixedPolicy();
            policy.CallbackUrl = endpoint.Url;
            var decision = await new AccessDecider(policy).DecideAsync(Request("live", "cam1?key=GOOD"));
            Assert.True(decision.IsAllowed);
            Assert.Empty(endpoint.Bodies);
        }

        [Fact]
        public async Task Hard_rules_refuse_before_the_callback_is_asked()
        {
            using var endpoint = new CallbackEndpoint(200);
            var policy = AccessDeciderTests.FixedPolicy();
            policy.CallbackUrl = endpoint.Url;
            Assert.False((await new AccessDecider(policy).DecideAsync(Request("live", "unlisted?token=x"))).IsAllowed);
            Assert.Empty(endpoint.Bodies);
        }

        private static Task<AccessDecision> Decide(Uri url, TimeSpan timeout, string stream, string app = "live")
        {
            var policy = new AccessPolicy { CallbackUrl = url, CallbackTimeout = timeout };
            return new AccessDecider(policy).DecideAsync(Request(app, stream));
        }

        private static AccessRequest Request(string app, string stream)
            => new AccessRequest(AccessAction.Publish, StreamName.Parse(app), StreamName.Parse(stream), IPAddress.Parse("10.0.0.5"), 42, AccessDeciderTests.Now);
    }
}
