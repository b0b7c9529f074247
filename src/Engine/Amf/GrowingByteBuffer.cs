using System;
using System.Buffers;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// A byte array that grows as it is written, because netstandard2.0 has no
    /// <c>ArrayBufferWriter</c>. Used where a whole payload is wanted as one array.
    /// </summary>
    internal sealed class GrowingByteBuffer : IBufferWriter<byte>
    {
        private byte[] _buffer;
        private int _written;

        public GrowingByteBuffer(int initialCapacity = 256)
        {
            _buffer = new byte[Math.Max(16, initialCapacity)];
        }

        public int WrittenCount => _written;

        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _written).ToArray();

        private void Reserve(int sizeHint)
        {
            int needed = Math.Max(1, sizeHint);
            if (_buffer.Length - _written >= needed)
            {
                return;
            }

            long size = Math.Max((long)_buffer.Length * 2, (long)_written + needed);
            byte[] larger = new byte[checked((int)Math.Min(size, int.MaxValue))];
            _buffer.AsSpan(0, _written).CopyTo(larger);
            _buffer = larger;
        }
    }
}
