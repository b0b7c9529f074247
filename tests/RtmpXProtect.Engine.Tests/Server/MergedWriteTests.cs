using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class MergedWriteTests
    {
        [Fact]
        public async Task Players_of_a_busy_stream_get_every_frame_in_order_when_writes_are_merged()
        {
            var policy = new PlayerQueuePolicy { MergeWritesFromPlayers = 1, MergedWriteMilliseconds = 200 };
            await using var server = RtmpServerTests.Start(policy: policy);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await using var first = await RtmpServerTests.Play(server, "cam1");
            await using var second = await RtmpServerTests.Play(server, "cam1");

            // Four GOPs a second apart: 3 headers, then 5 frames a GOP.
            await RtmpServerTests.SendStream(publisher, 7, gops: 4);
            foreach (var player in new[] { first, second })
            {
                var received = await RtmpServerTests.ReadFrames(player, 3 + 15);
                var media = received.Skip(3).ToList();
                Assert.Equal(media.OrderBy(m => m.Timestamp).Select(m => m.Timestamp), media.Select(m => m.Timestamp));
                Assert.All(media, m => Assert.Equal(7, m.Payload.Span[m.Type == MessageType.Video ? 5 : 2]));
            }
        }

        [Fact]
        public void The_default_policy_merges_writes_only_on_streams_with_many_players()
        {
            var policy = new PlayerQueuePolicy();
            Assert.Equal(100, policy.MergeWritesFromPlayers);
            Assert.Equal(16 * 1024, policy.MergedWriteBytes);
            Assert.Equal(100, policy.MergedWriteMilliseconds);
        }
    }
}
