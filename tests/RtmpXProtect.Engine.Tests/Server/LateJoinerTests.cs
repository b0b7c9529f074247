using System;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class LateJoinerTests
    {
        [Fact]
        public async Task A_cached_gop_larger_than_the_lag_limits_is_not_held_against_a_joiner()
        {
            var policy = new PlayerQueuePolicy { SkipAboveBytes = 64 * 1024, DisconnectAboveBytes = 256 * 1024, MaxKeyFramesSkipped = 3 };
            await using var server = RtmpServerTests.Start(policy: policy);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");

            // About 6 MB of GOP sits in the cache: more than the kernel buffers take, and far over the lag limits.
            await RtmpServerTests.SendStream(publisher, 1, gops: 1, frameSize: 1_500_000);
            using var player = await RawPlayer.PlayAsync(server, "cam1");
            await publisher.SendAsync(new RtmpMessage(MessageType.Video, 200, 0, Frames.Video(false, 1000, 9)));
            await player.PingAsync(1);

            var video = player.Media.Where(m => m.Type == MessageType.Video).Select(MediaFrame.From).ToList();
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.VideoKeyFrame, FrameKind.Video, FrameKind.Video, FrameKind.Video, FrameKind.Video }, video.Select(f => f.Kind));
            Assert.Equal(9, video.Last().Message.Payload.Span[5]);
            Assert.Equal(2, server.ConnectionCount);
        }
    }
}
