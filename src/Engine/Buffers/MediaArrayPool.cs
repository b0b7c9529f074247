using System;
using System.Buffers;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Buffers
{
    /// <summary>
    /// The arrays media passes through on its way from a publisher to its players: payloads, framed
    /// chunks, read buffers and the GOP cache's slabs. They live as long as the process, so the
    /// collector should never have to move them. On .NET 5 or later the host has them allocated on
    /// the pinned object heap (<see cref="MediaBuffers.AllocateWith"/>), which no collection compacts
    /// and a young collection does not visit; from <see cref="ArrayPool{T}.Shared"/> each was a
    /// young object until the first collection copied it: at 50 players that collection promoted
    /// 1.9 MB and stopped the server for 4-5 ms.
    /// Arrays come in powers of two from 256 bytes to 16 MiB (larger are not kept); each size keeps
    /// what a few MiB hold, and at least two.
    /// </summary>
    internal sealed class MediaArrayPool : ArrayPool<byte>
    {
        private const int SmallestShift = 8;
        private const int LargestShift = 24;
        private const int KeptBytesPerSize = 4 * 1024 * 1024;

        private readonly Stack<byte[]>[] _sizes = new Stack<byte[]>[LargestShift - SmallestShift + 1];

        /// <summary>A pool of its own; the process shares <see cref="Media"/>.</summary>
        public MediaArrayPool()
        {
            for (var i = 0; i < _sizes.Length; i++)
            {
                _sizes[i] = new Stack<byte[]>();
            }
        }

        /// <summary>The pool the engine's media path shares.</summary>
        public static MediaArrayPool Media { get; } = new MediaArrayPool();

        /// <summary>Arrays of one size kept at most.</summary>
        public static int KeptOf(int length) => Math.Max(2, KeptBytesPerSize / length);

        public override byte[] Rent(int minimumLength)
        {
            if (minimumLength < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumLength));
            }

            if (minimumLength == 0)
            {
                return Array.Empty<byte>();
            }

            var index = IndexOf(minimumLength);
            if (index >= _sizes.Length)
            {
                return new byte[minimumLength];
            }

            var kept = _sizes[index];
            lock (kept)
            {
                if (kept.Count > 0)
                {
                    return kept.Pop();
                }
            }

            return MediaBuffers.Allocate(1 << (index + SmallestShift));
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            if (array == null)
            {
                throw new ArgumentNullException(nameof(array));
            }

            var length = array.Length;
            var index = IndexOf(length);
            if (length == 0 || index >= _sizes.Length || length != 1 << (index + SmallestShift))
            {
                // Not one of this pool's sizes (an oversized or foreign array): the GC takes it.
                return;
            }

            if (clearArray)
            {
                Array.Clear(array, 0, length);
            }

            var kept = _sizes[index];
            lock (kept)
            {
                if (kept.Count < KeptOf(length))
                {
                    kept.Push(array);
                }
            }
        }

        private static int IndexOf(int length)
        {
            var shift = SmallestShift;
            while (shift <= LargestShift && (1 << shift) < length)
            {
                shift++;
            }

            return shift - SmallestShift;
        }
    }
}
