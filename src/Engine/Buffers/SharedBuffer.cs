using System;
using System.Threading;

namespace RtmpXProtect.Engine.Buffers
{
    /// <summary>
    /// An array rented from <see cref="MediaArrayPool.Media"/> that several holders share, and that
    /// goes back to the pool when the last of them releases it: a frame's chunks, queued to every
    /// player of a stream and sent by each in its own time. Whoever made the buffer holds the first
    /// reference; everyone else takes one with <see cref="Retain"/> before keeping it.
    /// </summary>
    internal sealed class SharedBuffer
    {
        private byte[]? _array;
        private int _references = 1;

        /// <summary>Rents at least <paramref name="length"/> bytes; the creator holds the one reference.</summary>
        public SharedBuffer(int length)
        {
            _array = MediaArrayPool.Media.Rent(length);
            Length = length;
        }

        /// <summary>The bytes in use, from the start of the array.</summary>
        public int Length { get; }

        /// <summary>The rented array (longer than <see cref="Length"/>); only while a reference is held.</summary>
        public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(SharedBuffer));

        /// <summary>One more holder. Taking a reference to a buffer already given back is a bug, and throws.</summary>
        public void Retain()
        {
            if (Interlocked.Increment(ref _references) <= 1)
            {
                throw new InvalidOperationException("A shared buffer was retained after it went back to the pool.");
            }
        }

        /// <summary>One holder less; the last gives the array back to the pool.</summary>
        public void Release()
        {
            var left = Interlocked.Decrement(ref _references);
            if (left == 0)
            {
                var array = Interlocked.Exchange(ref _array, null);
                if (array != null)
                {
                    MediaArrayPool.Media.Return(array);
                }
            }
            else if (left < 0)
            {
                // Given back twice would hand one array to two renters: fail loudly instead.
                throw new InvalidOperationException("A shared buffer was released more often than it was retained.");
            }
        }
    }
}
