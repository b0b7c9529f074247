using System;
using System.Linq;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    // The cache keeps payload copies in pooled slabs: what a joiner gets must be byte for byte what
    // was published, whatever the sizes and however the frames fall across slab edges, and the slabs
    // must go back to the pool at each keyframe and be taken again for the next GOP.
    public class GopCacheSlabTests
    {
        [Fact]
        public void Random_frame_sizes_come_back_byte_for_byte_across_slab_edges()
        {
            var random = new Random(1234);
            var pool = new GopSlabPool(1 << 20);
            var cache = new GopCache(64 << 20, pool);
            for (var gop = 0; gop < 5; gop++)
            {
                var published = Enumerable.Range(0, 40).Select(i =>
                {
                    var size = random.Next(0, 4) == 0 ? random.Next(GopSlabPool.SlabSize, 3 * GopSlabPool.SlabSize) : random.Next(9, 3000);
                    var body = new byte[size];
                    random.NextBytes(body);
                    body[0] = i == 0 ? (byte)0x17 : (byte)0x27;
                    body[1] = 0x01;
                    return Frames.Frame(MessageType.Video, (uint)((gop * 40) + i) * 33, body);
                }).ToList();
                foreach (var frame in published)
                {
                    cache.Add(frame);
                }

                var snapshot = cache.Snapshot();
                Assert.Equal(published.Count, snapshot.Count);
                for (var i = 0; i < published.Count; i++)
                {
                    Assert.Equal(published[i].Kind, snapshot[i].Kind);
                    Assert.Equal(published[i].Message.Timestamp, snapshot[i].Message.Timestamp);
                    Assert.Equal(published[i].Message.StreamId, snapshot[i].Message.StreamId);
                    Assert.True(published[i].Message.Payload.Span.SequenceEqual(snapshot[i].Message.Payload.Span), $"frame {i} of GOP {gop} differs");
                }

                Assert.Equal(published.Sum(f => (long)f.Message.Payload.Length), cache.Bytes);
            }
        }

        [Fact]
        public void A_joiner_gets_copies_that_later_publishing_cannot_change()
        {
            var pool = new GopSlabPool(1 << 20);
            var cache = new GopCache(1 << 20, pool);
            cache.Add(Frames.Key(0, 5000));
            var first = cache.Snapshot();
            var bytes = first[0].Message.Payload.ToArray();

            // The next GOP reuses the slab the first one was in, with other bytes.
            cache.Add(Frames.Frame(MessageType.Video, 2000, Frames.Video(true, 5000, 9)));
            Assert.Equal((byte)9, cache.Snapshot()[0].Message.Payload.Span[4999]);

            Assert.Equal(bytes, first[0].Message.Payload.ToArray());
            Assert.Equal((byte)1, first[0].Message.Payload.Span[4999]);
        }

        [Fact]
        public void Slabs_go_back_to_the_pool_at_each_keyframe_and_are_taken_again()
        {
            var pool = new GopSlabPool(1 << 20);
            var cache = new GopCache(1 << 20, pool);
            cache.Add(Frames.Key(0, GopSlabPool.SlabSize * 2));
            cache.Add(Frames.Inter(40, 100));
            Assert.Equal(0, pool.FreeSlabs);

            // Three slabs (two and a bit) return, and the new keyframe takes one of them back.
            cache.Add(Frames.Key(2000, 100));
            Assert.Equal(2, pool.FreeSlabs);
            Assert.Equal(100, cache.Bytes);

            cache.Clear();
            Assert.Equal(3, pool.FreeSlabs);
            Assert.Equal(0, cache.Count);
        }

        [Fact]
        public void A_GOP_over_the_budget_gives_its_slabs_back()
        {
            var pool = new GopSlabPool(1 << 20);
            var cache = new GopCache(GopSlabPool.SlabSize * 3, pool);
            cache.Add(Frames.Key(0, GopSlabPool.SlabSize * 2));
            cache.Add(Frames.Inter(40, GopSlabPool.SlabSize * 2));

            Assert.Equal(0, cache.Count);
            Assert.Equal(2, pool.FreeSlabs);
        }

        [Fact]
        public void The_pool_keeps_no_more_than_its_budget()
        {
            var pool = new GopSlabPool(GopSlabPool.SlabSize * 2);
            var cache = new GopCache(1 << 20, pool);
            cache.Add(Frames.Key(0, GopSlabPool.SlabSize * 5));
            cache.Clear();

            Assert.Equal(2, pool.FreeSlabs);
        }

        [Fact]
        public void Joiners_of_one_GOP_share_its_copies_and_the_next_GOP_makes_new_ones()
        {
            var cache = new GopCache(1 << 20, new GopSlabPool(1 << 20));
            cache.Add(Frames.Key(0, 5000));
            cache.Add(Frames.Inter(40, 500));
            var first = cache.Snapshot();
            cache.Add(Frames.Inter(80, 500));
            var second = cache.Snapshot();

            // The third frame came after the first joiner; the two before it are the same objects.
            Assert.Same(first[0], second[0]);
            Assert.Same(first[1], second[1]);
            Assert.Equal(3, second.Count);

            cache.Add(Frames.Key(2000, 5000));
            Assert.NotSame(first[0], cache.Snapshot()[0]);
        }
    }
}
