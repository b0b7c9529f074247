using System;
using System.Buffers;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>
    /// An <see cref="IBufferWriter{T}"/> over an array sized in advance; a struct, so framing into it
    /// allocates nothing but the array. Asking for more than is left is a sizing bug and throws.
    /// </summary>
    internal struct ArrayWriter : IBufferWriter<byte>
    {
        private readonly byte[] _array;

        public ArrayWriter(byte[] array)
        {
            _array = array;
            Written = 0;
        }

        public int Written { get; private set; }

        public void Advance(int count)
        {
            if (count < 0 || Written + count > _array.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            Written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _array.AsMemory(Reserve(sizeHint));

        public Span<byte> GetSpan(int sizeHint = 0) => _array.AsSpan(Reserve(sizeHint));

        private int Reserve(int sizeHint)
        {
            if (_array.Length - Written < Math.Max(sizeHint, 1))
            {
                throw new InvalidOperationException($"The framing array of {_array.Length} bytes is too small.");
            }

            return Written;
        }
    }
}
