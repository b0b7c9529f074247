using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Reload
{
    public class PathPublishersTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("cam1", "10.1.2.3", true)]
        [InlineData("cam1", "192.168.0.5", false)]
        [InlineData("cam2", "192.168.0.5", true)]
        [InlineData("cam2", "10.1.2.3", false)]
        public async Task A_path_with_its_own_publishers_replaces_the_global_list_for_that_path_only(string stream, string address, bool allowed)
        {
            var policy = new AccessPolicy();
            policy.PublishKeys.Add("K");
            policy.PublisherNetworks.Add("192.168.0.0/16");
            var cam1 = new AccessPath("live/cam1");
            cam1.PublisherNetworks.Add("10.1.2.0/24");
            policy.Paths.Add(cam1);

            var decision = await new AccessDecider(policy).DecideAsync(
                new AccessRequest(AccessAction.Publish, StreamName.Parse("live"), StreamName.Parse(stream + "?key=K"), IPAddress.Parse(address), 1, Now));

            Assert.Equal(allowed, decision.IsAllowed);
        }

        [Fact]
        public void Path_publishers_and_record_are_mapped_from_the_file()
        {
            var config = new RtmpxConfig();
            config.Record.Directory = "/var/rtmpx";
            config.Paths.Entries["live/cam1"] = new PathEntry { Publishers = new List<string> { "10.1.2.0/24" }, Record = false };

            var path = Assert.Single(RtmpxConfigMapper.ToServerOptions(config).Access!.Paths);

            Assert.Equal(new[] { "10.1.2.0/24" }, path.PublisherNetworks);
            Assert.False(path.Record);
        }

        [Theory]
        [InlineData("not-an-address", null, "paths.entries.live/cam1.publishers[0] must be an IP address or CIDR range")]
        [InlineData("10.0.0.0/8", true, "paths.entries.live/cam1.record needs record.directory to record to")]
        public void A_bad_path_setting_is_reported_under_its_key(string network, bool? record, string error)
        {
            var config = new RtmpxConfig();
            config.Paths.Entries["live/cam1"] = new PathEntry { Publishers = new List<string> { network }, Record = record };

            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigMapper.ToServerOptions(config));

            Assert.Contains(error, e.Errors);
        }
    }
}
