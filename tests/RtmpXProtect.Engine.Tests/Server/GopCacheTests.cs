using System.Linq;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class GopCacheTests
    {
        [Fact]
        public void MediaFrame_classifies_real_bodies()
        {
            Assert.Equal(FrameKind.VideoConfig, Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()).Kind);
            Assert.Equal(FrameKind.AudioConfig, Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()).Kind);
            Assert.Equal(FrameKind.Metadata, Frames.Frame(MessageType.DataAmf0, 0, Frames.Metadata()).Kind);
            Assert.Equal(FrameKind.VideoKeyFrame, Frames.Key(0).Kind);
            Assert.Equal(FrameKind.Video, Frames.Inter(0).Kind);
            Assert.Equal(FrameKind.Audio, Frames.Frame(MessageType.Audio, 0, Frames.Aac(1)).Kind);
            Assert.True(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()).IsConfig);
            Assert.False(Frames.Key(0).IsConfig);
        }

        [Fact]
        public void Snapshot_holds_headers_then_the_GOP_from_the_last_keyframe()
        {
            var cache = new GopCache(1 << 20);
            cache.Add(Frames.Frame(MessageType.DataAmf0, 0, Frames.Metadata()));
            cache.Add(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
            cache.Add(Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()));
            cache.Add(Frames.Key(0));
            cache.Add(Frames.Inter(40));
            var secondKey = Frames.Key(1000);
            cache.Add(secondKey);
            cache.Add(Frames.Inter(1040));
            cache.Add(Frames.Frame(MessageType.Audio, 1050, Frames.Aac(3)));

            var snapshot = cache.Snapshot();
            Assert.Equal(new[] { FrameKind.Metadata, FrameKind.VideoConfig, FrameKind.AudioConfig, FrameKind.VideoKeyFrame, FrameKind.Video, FrameKind.Audio }, snapshot.Select(f => f.Kind));
            Assert.Equal(secondKey.Message.Payload.ToArray(), snapshot[3].Message.Payload.ToArray());
            // Headers are restamped to the GOP's start so a joiner's clock does not go back.
            Assert.All(snapshot.Take(3), f => Assert.Equal(1000u, f.Message.Timestamp));
            Assert.Equal(new uint[] { 1000, 1040, 1050 }, snapshot.Skip(3).Select(f => f.Message.Timestamp));
        }

        [Fact]
        public void Video_before_the_first_keyframe_is_not_cached_but_audio_is_kept_for_the_first_gop()
        {
            var cache = new GopCache(1 << 20);
            cache.Add(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
            cache.Add(Frames.Inter(0));
            cache.Add(Frames.Frame(MessageType.Audio, 10, Frames.Aac(1)));
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.Audio }, cache.Snapshot().Select(f => f.Kind));

            cache.Add(Frames.Key(40));
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.Audio, FrameKind.VideoKeyFrame }, cache.Snapshot().Select(f => f.Kind));

            // From the second keyframe on, a GOP starts at its keyframe.
            cache.Add(Frames.Frame(MessageType.Audio, 50, Frames.Aac(2)));
            cache.Add(Frames.Key(2040));
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.VideoKeyFrame }, cache.Snapshot().Select(f => f.Kind));
        }

        [Fact]
        public void A_GOP_over_the_budget_is_dropped_until_the_next_keyframe()
        {
            var cache = new GopCache(1000);
            cache.Add(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
            cache.Add(Frames.Key(0, 400));
            cache.Add(Frames.Inter(40, 400));
            cache.Add(Frames.Inter(80, 400));
            cache.Add(Frames.Inter(120, 100));
            Assert.Equal(FrameKind.VideoConfig, Assert.Single(cache.Snapshot()).Kind);

            cache.Add(Frames.Key(2000, 400));
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.VideoKeyFrame }, cache.Snapshot().Select(f => f.Kind));
        }

        [Fact]
        public void Clear_forgets_headers_and_GOP()
        {
            var cache = new GopCache(1 << 20);
            cache.Add(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
            cache.Add(Frames.Key(0));
            cache.Clear();
            Assert.Empty(cache.Snapshot());
            Assert.Null(cache.VideoConfig);
        }
    }
}
