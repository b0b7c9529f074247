using System;
using System.Buffers;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>
    /// An <see cref="IBufferWriter{T}"/> over the first bytes of an array, sized in advance (a pooled
    /// array is longer than what goes in it); a struct, so framing into it allocates nothing but the
    /// array. Asking for more than is left is a sizing bug and throws.
    /// </summary>
    internal struct ArrayWriter : IBufferWriter<byte>
    {
        private readonly byte[] _array;
        private readonly int _length;

        public ArrayWriter(byte[] array, int length)
        {
            _array = array;
            _length = length;
            Written = 0;
        }

        public int Written { get; private set; }

        public void Advance(int count)
        {
            if (count < 0 || Written + count > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            Written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _array.AsMemory(Reserve(sizeHint), _length - Written);

        public Span<byte> GetSpan(int sizeHint = 0) => _array.AsSpan(Reserve(sizeHint), _length - Written);

        private int Reserve(int sizeHint)
        {
            if (_length - Written < Math.Max(sizeHint, 1))
            {
                throw new InvalidOperationException($"The framing array of {_length} bytes is too small.");
            }

            return Written;
        }
    }
}
