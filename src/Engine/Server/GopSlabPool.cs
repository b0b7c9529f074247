using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Fixed-size byte slabs that the GOP caches of all streams share. A cache gives its slabs back
    /// at every keyframe and takes them again for the next GOP, so cached media is never garbage:
    /// with frames held as their own arrays, every GOP outlived two collections, died in generation 2
    /// and made full collections with pauses of tens of milliseconds (200 publishers).
    /// </summary>
    internal sealed class GopSlabPool
    {
        /// <summary>16 KiB: a stream's last, partly filled slab wastes 8 KiB on average.</summary>
        public const int SlabSize = 16 * 1024;

        private readonly Stack<byte[]> _free = new Stack<byte[]>();
        private readonly int _maxFreeSlabs;

        /// <summary>A pool that keeps at most <paramref name="maxFreeBytes"/> of returned slabs; more go to the GC.</summary>
        public GopSlabPool(long maxFreeBytes)
        {
            _maxFreeSlabs = (int)(maxFreeBytes / SlabSize);
        }

        /// <summary>
        /// The pool of the process. Publishers started together have their keyframes together, and
        /// all of them give back a whole GOP at once (200 streams of 1 Mbps: 60 MiB), so the pool
        /// keeps up to 256 MiB: what it holds was in use a moment before, and is again a GOP later.
        /// </summary>
        public static GopSlabPool Shared { get; } = new GopSlabPool(256 * 1024 * 1024);

        /// <summary>Slabs waiting to be taken.</summary>
        public int FreeSlabs
        {
            get
            {
                lock (_free)
                {
                    return _free.Count;
                }
            }
        }

        /// <summary>A slab of <see cref="SlabSize"/> bytes, with whatever an earlier cache left in it.</summary>
        public byte[] Rent()
        {
            lock (_free)
            {
                if (_free.Count > 0)
                {
                    return _free.Pop();
                }
            }

            return Buffers.MediaBuffers.Allocate(SlabSize);
        }

        /// <summary>Takes back every slab of <paramref name="slabs"/>, which the caller then clears.</summary>
        public void Return(List<byte[]> slabs)
        {
            lock (_free)
            {
                foreach (var slab in slabs)
                {
                    if (_free.Count >= _maxFreeSlabs)
                    {
                        return;
                    }

                    _free.Push(slab);
                }
            }
        }
    }
}
