using System;
using System.Buffers;

namespace RtmpXProtect.Engine.Buffers
{
    /// <summary>
    /// A growable <see cref="IBufferWriter{T}"/> over one array that is reused after
    /// <see cref="Clear"/>: what a session writes its answers into between socket writes
    /// (netstandard2.0 has no ArrayBufferWriter).
    /// </summary>
    public sealed class ByteBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer;
        private int _written;

        /// <summary>Creates a writer with a first capacity.</summary>
        public ByteBufferWriter(int initialCapacity = 4096)
        {
            _buffer = new byte[Math.Max(initialCapacity, 16)];
        }

        /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
        public ReadOnlyMemory<byte> WrittenMemory => new ReadOnlyMemory<byte>(_buffer, 0, _written);

        /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
        public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_buffer, 0, _written);

        /// <summary>How many bytes were written.</summary>
        public int WrittenCount => _written;

        /// <summary>Forgets what was written; the array is kept for the next use.</summary>
        public void Clear() => _written = 0;

        /// <summary>A copy of what was written.</summary>
        public byte[] ToArray() => WrittenSpan.ToArray();

        /// <inheritdoc />
        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _written += count;
        }

        /// <inheritdoc />
        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        /// <inheritdoc />
        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            var needed = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written >= needed)
            {
                return;
            }

            var size = Math.Max(_buffer.Length * 2, _written + needed);
            Array.Resize(ref _buffer, size);
        }
    }
}
