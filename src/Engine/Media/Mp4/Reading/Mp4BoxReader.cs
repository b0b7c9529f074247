using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// The bounds-checked reads every MP4 box parser here shares (ISO 14496-12 §4.2): a box's
    /// children, its big-endian fields and its four-character type. Every overrun is a
    /// <see cref="MediaFormatException"/>, never an index exception.
    /// </summary>
    internal static class Mp4BoxReader
    {
        /// <summary>The child boxes of a container's content, as (type, content offset, content length); a child that overruns its parent fails.</summary>
        public static List<(string Type, int At, int Count)> Children(ReadOnlySpan<byte> content)
        {
            var children = new List<(string, int, int)>();
            int at = 0;
            while (content.Length - at >= 8)
            {
                long size = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(at));
                string type = Type(content, at + 4);
                if (size < 8 || size > content.Length - at)
                {
                    throw new MediaFormatException($"A {Printable(type)} box declares {size} bytes where {content.Length - at} remain in its parent.");
                }

                children.Add((type, at + 8, (int)size - 8));
                at += (int)size;
            }

            return children;
        }

        /// <summary>
        /// The header of the top-level box at <paramref name="position"/>: its type, whole size
        /// (a size of 0 runs to the end of the file) and header length; false when the file ends
        /// inside the header.
        /// </summary>
        public static bool TryReadHeader(Stream input, long position, out string type, out long size, out int headerLength)
        {
            long length = input.Length;
            type = string.Empty;
            size = 0;
            headerLength = 8;
            if (length - position < 8)
            {
                return false;
            }

            var header = new byte[8];
            input.Position = position;
            ReadExactly(input, header, 0, 8);
            size = BinaryPrimitives.ReadUInt32BigEndian(header);
            type = Type(header, 4);
            if (size == 1)
            {
                if (length - position < 16)
                {
                    return false;
                }

                ReadExactly(input, header, 0, 8);
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header), long.MaxValue);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = length - position;
            }

            if (size < headerLength)
            {
                throw new MediaFormatException($"The {Printable(type)} box at byte {position} declares {size} bytes, less than its own header.");
            }

            return true;
        }

        /// <summary>The content of the first child of type <paramref name="type"/>, or an empty span with false.</summary>
        public static bool TryChild(ReadOnlySpan<byte> content, string type, out ReadOnlySpan<byte> child)
        {
            foreach (var (childType, at, count) in Children(content))
            {
                if (childType == type)
                {
                    child = content.Slice(at, count);
                    return true;
                }
            }

            child = default;
            return false;
        }

        public static uint UInt32(ReadOnlySpan<byte> data, int at) => at >= 0 && data.Length - at >= 4
            ? BinaryPrimitives.ReadUInt32BigEndian(data.Slice(at))
            : throw new MediaFormatException("A box is shorter than its fields.");

        public static ulong UInt64(ReadOnlySpan<byte> data, int at) => at >= 0 && data.Length - at >= 8
            ? BinaryPrimitives.ReadUInt64BigEndian(data.Slice(at))
            : throw new MediaFormatException("A box is shorter than its fields.");

        public static ushort UInt16(ReadOnlySpan<byte> data, int at) => at >= 0 && data.Length - at >= 2
            ? BinaryPrimitives.ReadUInt16BigEndian(data.Slice(at))
            : throw new MediaFormatException("A box is shorter than its fields.");

        /// <summary>A full box's version (its first byte).</summary>
        public static int Version(ReadOnlySpan<byte> fullBox) => fullBox.Length > 0 ? fullBox[0] : throw new MediaFormatException("A box is shorter than its fields.");

        public static string Type(ReadOnlySpan<byte> data, int at)
        {
            var chars = new char[4];
            for (int i = 0; i < 4; i++)
            {
                chars[i] = (char)data[at + i];
            }

            return new string(chars);
        }

        /// <summary>The type quoted for a message, or "unnamed" when it is not printable (damage, not a box).</summary>
        public static string Printable(string type)
        {
            foreach (var c in type)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    return "unnamed";
                }
            }

            return "'" + type + "'";
        }

        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>; a file that ends first is a format error (it was cut off or shrank).</summary>
        public static void ReadExactly(Stream input, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = input.Read(buffer, offset, count);
                if (n == 0)
                {
                    throw new MediaFormatException("The file ended while it was read.");
                }

                offset += n;
                count -= n;
            }
        }
    }
}
