using System;
using System.Collections.Generic;
using System.Text;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>Writes ISO BMFF boxes (ISO 14496-12 §4.2) big-endian, sizes filled in when a box ends.</summary>
    internal sealed class BoxWriter
    {
        private readonly Stack<int> _open = new Stack<int>();
        private byte[] _buffer = new byte[4096];
        private int _length;

        public int Length => _length;

        public ReadOnlySpan<byte> Written => new ReadOnlySpan<byte>(_buffer, 0, _length);

        public void Begin(string type)
        {
            _open.Push(_length);
            UInt32(0);
            Ascii(type);
        }

        /// <summary>A full box: type, then version and 24-bit flags.</summary>
        public void BeginFull(string type, byte version, uint flags)
        {
            Begin(type);
            UInt32(((uint)version << 24) | (flags & 0xFFFFFF));
        }

        public void End()
        {
            int start = _open.Pop();
            int size = _length - start;
            _buffer[start] = (byte)(size >> 24);
            _buffer[start + 1] = (byte)(size >> 16);
            _buffer[start + 2] = (byte)(size >> 8);
            _buffer[start + 3] = (byte)size;
        }

        public void UInt8(int value) => Bytes(new[] { (byte)value });

        public void UInt16(int value) => Bytes(new[] { (byte)(value >> 8), (byte)value });

        public void UInt32(uint value) => Bytes(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });

        public void Int32(int value) => UInt32(unchecked((uint)value));

        public void UInt64(ulong value)
        {
            UInt32((uint)(value >> 32));
            UInt32((uint)value);
        }

        public void Zeros(int count) => Bytes(new byte[count]);

        public void Ascii(string text) => Bytes(Encoding.ASCII.GetBytes(text));

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            if (_length + bytes.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
            }

            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public byte[] ToArray() => Written.ToArray();
    }
}
