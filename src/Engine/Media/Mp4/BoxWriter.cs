using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// Writes ISO BMFF boxes (ISO 14496-12 §4.2) big-endian, sizes filled in when a box ends. A box
    /// may take bytes kept in a file (<see cref="Spliced"/>): they count in its size and are copied
    /// only by <see cref="CopyTo"/>, so a large table never has to be in memory.
    /// </summary>
    internal sealed class BoxWriter
    {
        private readonly Stack<(int At, long Logical)> _open = new Stack<(int, long)>();
        private readonly List<(int At, Stream Source, long Length)> _splices = new List<(int, Stream, long)>();
        private byte[] _buffer = new byte[4096];
        private int _length;
        private long _spliced;

        /// <summary>Bytes written, spliced ones included.</summary>
        public long Length => _length + _spliced;

        public void Begin(string type)
        {
            _open.Push((_length, Length));
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
            var (start, logical) = _open.Pop();
            long size = Length - logical;
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

        /// <summary>Counts <paramref name="length"/> bytes that <see cref="CopyTo"/> will read from <paramref name="source"/>, from its start.</summary>
        public void Spliced(Stream source, long length)
        {
            _splices.Add((_length, source, length));
            _spliced += length;
        }

        /// <summary>Writes everything, spliced bytes copied from their streams in place.</summary>
        public void CopyTo(Stream output)
        {
            int at = 0;
            foreach (var (position, source, length) in _splices)
            {
                output.Write(_buffer, at, position - at);
                source.Position = 0;
                CopyExactly(source, output, length);
                at = position;
            }

            output.Write(_buffer, at, _length - at);
        }

        /// <summary>The bytes written; there must be no spliced ones.</summary>
        public byte[] ToArray() => _splices.Count == 0 ? _buffer.AsSpan(0, _length).ToArray() : throw new InvalidOperationException("Spliced boxes are written with CopyTo.");

        private static void CopyExactly(Stream source, Stream output, long length)
        {
            var chunk = new byte[(int)Math.Min(length, 1 << 16)];
            while (length > 0)
            {
                int read = source.Read(chunk, 0, (int)Math.Min(chunk.Length, length));
                if (read == 0)
                {
                    throw new EndOfStreamException("A sample table file is shorter than written.");
                }

                output.Write(chunk, 0, read);
                length -= read;
            }
        }
    }
}
