using System;
using System.Collections.Generic;
using System.Threading;
using RtmpXProtect.Engine.Buffers;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Buffers
{
    public class MediaArrayPoolTests
    {
        [Theory]
        [InlineData(1, 256)]
        [InlineData(256, 256)]
        [InlineData(257, 512)]
        [InlineData(9_000, 16 * 1024)]
        [InlineData(16 * 1024 * 1024, 16 * 1024 * 1024)]
        public void Rents_the_next_power_of_two(int asked, int length)
        {
            Assert.Equal(length, new MediaArrayPool().Rent(asked).Length);
        }

        [Fact]
        public void A_returned_array_is_rented_again_and_each_size_keeps_only_its_share()
        {
            var pool = new MediaArrayPool();
            var first = pool.Rent(100_000);
            pool.Return(first);
            Assert.Same(first, pool.Rent(100_000));

            var kept = MediaArrayPool.KeptOf(first.Length);
            var arrays = new List<byte[]>();
            for (var i = 0; i < kept + 3; i++)
            {
                arrays.Add(pool.Rent(first.Length));
            }

            arrays.ForEach(a => pool.Return(a));
            var again = new HashSet<byte[]>();
            for (var i = 0; i < kept + 3; i++)
            {
                again.Add(pool.Rent(first.Length));
            }

            again.IntersectWith(arrays);
            Assert.Equal(kept, again.Count);
        }

        [Fact]
        public void Arrays_not_of_its_sizes_are_left_to_the_collector()
        {
            var pool = new MediaArrayPool();
            var odd = new byte[1000];
            var huge = pool.Rent(16 * 1024 * 1024 + 1);
            Assert.Equal(16 * 1024 * 1024 + 1, huge.Length);
            pool.Return(odd);
            pool.Return(huge);
            Assert.NotSame(odd, pool.Rent(1000));
            Assert.NotSame(huge, pool.Rent(huge.Length));
            Assert.Empty(pool.Rent(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(-1));
        }

        [Fact]
        public void A_cleared_return_comes_back_zeroed()
        {
            var pool = new MediaArrayPool();
            var array = pool.Rent(512);
            array.AsSpan().Fill(7);
            pool.Return(array, clearArray: true);
            Assert.All(pool.Rent(512), b => Assert.Equal(0, b));
        }

        [Fact]
        public void New_arrays_come_from_the_hosts_allocator_on_the_pinned_heap()
        {
            // What rtmpx serve sets; every test may run under it, as the server does.
            var calls = 0;
            MediaBuffers.AllocateWith(length =>
            {
                Interlocked.Increment(ref calls);
                return GC.AllocateUninitializedArray<byte>(length, pinned: true);
            });

            var array = new MediaArrayPool().Rent(4096);
            Assert.True(Volatile.Read(ref calls) >= 1);

            // The pinned object heap is collected only with generation 2, which it reports.
            Assert.Equal(2, GC.GetGeneration(array));
        }
    }
}
