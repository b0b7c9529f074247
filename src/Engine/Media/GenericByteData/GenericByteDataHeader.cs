using System;

namespace RtmpXProtect.Engine.Media.GenericByteData
{
    /// <summary>
    /// The 32-byte big-endian header the XProtect Recording Server puts before each raw frame
    /// (GenericByteData). Field order and sizes as in ../shared/XPROTECT-NOTES.md.
    /// </summary>
    public sealed class GenericByteDataHeader
    {
        /// <summary>Bytes in the header; the payload follows.</summary>
        public const int Length = 32;

        /// <summary>The only data type a video stream carries: a video stream packet.</summary>
        public const ushort VideoStreamPacket = 0x0010;

        /// <summary>Creates a header; <see cref="GenericByteDataReader"/> checks the values it reads.</summary>
        public GenericByteDataHeader(ushort dataType, uint totalLength, ushort codec, ushort sequenceNumber, ushort flags, long syncTimestamp, long pictureTimestamp)
        {
            DataType = dataType;
            TotalLength = totalLength;
            Codec = codec;
            SequenceNumber = sequenceNumber;
            Flags = flags;
            SyncTimestamp = syncTimestamp;
            PictureTimestamp = pictureTimestamp;
        }

        /// <summary>Offset 0: 0x0010 for video stream packets.</summary>
        public ushort DataType { get; }

        /// <summary>Offset 2: bytes in the frame, header included.</summary>
        public uint TotalLength { get; }

        /// <summary>Offset 6: a <see cref="GenericByteDataCodec"/> value.</summary>
        public ushort Codec { get; }

        /// <summary>Offset 8: wraps at 65536; a gap means lost frames.</summary>
        public ushort SequenceNumber { get; }

        /// <summary>Offset 10: bit 0 marks a sync (key) frame.</summary>
        public ushort Flags { get; }

        /// <summary>Offset 12: milliseconds since 1970 UTC of the last key frame.</summary>
        public long SyncTimestamp { get; }

        /// <summary>Offset 20: milliseconds since 1970 UTC of this picture.</summary>
        public long PictureTimestamp { get; }

        /// <summary>Bytes after the header.</summary>
        public int PayloadLength => (int)(TotalLength - Length);

        /// <summary>True when a decoder may start here.</summary>
        public bool IsSyncFrame => (Flags & 0x0001) != 0;

        /// <summary>Writes the header (reserved bytes zero) into <paramref name="dest"/>, at least 32 bytes.</summary>
        public void Write(Span<byte> dest)
        {
            if (dest.Length < Length)
            {
                throw new ArgumentException("Destination needs 32 bytes.", nameof(dest));
            }

            WriteBig(dest, 0, DataType, 2);
            WriteBig(dest, 2, TotalLength, 4);
            WriteBig(dest, 6, Codec, 2);
            WriteBig(dest, 8, SequenceNumber, 2);
            WriteBig(dest, 10, Flags, 2);
            WriteBig(dest, 12, (ulong)SyncTimestamp, 8);
            WriteBig(dest, 20, (ulong)PictureTimestamp, 8);
            WriteBig(dest, 28, 0, 4);
        }

        internal static ulong ReadBig(ReadOnlySpan<byte> source, int offset, int size)
        {
            ulong value = 0;
            for (int i = 0; i < size; i++)
            {
                value = (value << 8) | source[offset + i];
            }

            return value;
        }

        private static void WriteBig(Span<byte> dest, int offset, ulong value, int size)
        {
            for (int i = size - 1; i >= 0; i--)
            {
                dest[offset + i] = (byte)value;
                value >>= 8;
            }
        }
    }
}
