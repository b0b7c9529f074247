using System;
using System.IO;

namespace RtmpXProtect.Engine.Media.GenericByteData
{
    /// <summary>
    /// Reads GenericByteData frames from a stream (a Recording Server connection or a file of
    /// back-to-back frames). Input is hostile: the total length is checked against
    /// <see cref="WireLimits.MaxMessageSize"/> before the payload is allocated, and anything
    /// malformed throws <see cref="MediaFormatException"/> and nothing else.
    /// </summary>
    public sealed class GenericByteDataReader
    {
        private readonly Stream _input;
        private readonly WireLimits _limits;
        private readonly byte[] _header = new byte[GenericByteDataHeader.Length];

        /// <summary>Reads from <paramref name="input"/>, which the caller owns.</summary>
        public GenericByteDataReader(Stream input, WireLimits limits)
        {
            _input = input ?? throw new ArgumentNullException(nameof(input));
            _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        }

        /// <summary>
        /// Parses a header from the first 32 bytes of <paramref name="data"/>, checking the data
        /// type and that the total length covers the header and stays within
        /// <paramref name="limits"/>; it does not check that the payload is present.
        /// </summary>
        public static GenericByteDataHeader ParseHeader(ReadOnlySpan<byte> data, WireLimits limits)
        {
            if (limits == null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            if (data.Length < GenericByteDataHeader.Length)
            {
                throw new MediaFormatException($"GenericByteData header cut off: {data.Length} of 32 bytes.");
            }

            var dataType = (ushort)GenericByteDataHeader.ReadBig(data, 0, 2);
            if (dataType != GenericByteDataHeader.VideoStreamPacket)
            {
                throw new MediaFormatException($"GenericByteData data type 0x{dataType:X4} is not a video stream packet (0x0010).");
            }

            var totalLength = (uint)GenericByteDataHeader.ReadBig(data, 2, 4);
            if (totalLength < GenericByteDataHeader.Length)
            {
                throw new MediaFormatException($"GenericByteData total length {totalLength} is shorter than its 32-byte header.");
            }

            if (totalLength - GenericByteDataHeader.Length > (uint)limits.MaxMessageSize)
            {
                throw new MediaFormatException($"GenericByteData frame of {totalLength} bytes exceeds the limit of {limits.MaxMessageSize} payload bytes.");
            }

            return new GenericByteDataHeader(
                dataType,
                totalLength,
                (ushort)GenericByteDataHeader.ReadBig(data, 6, 2),
                (ushort)GenericByteDataHeader.ReadBig(data, 8, 2),
                (ushort)GenericByteDataHeader.ReadBig(data, 10, 2),
                (long)GenericByteDataHeader.ReadBig(data, 12, 8),
                (long)GenericByteDataHeader.ReadBig(data, 20, 8));
        }

        /// <summary>
        /// Parses one whole frame from <paramref name="data"/>; bytes after it are ignored. The
        /// frame's payload is a slice of <paramref name="data"/>, not a copy: an export reads a
        /// recording at hundreds of times real time, and each copy is that much more garbage.
        /// </summary>
        public static GenericByteDataFrame Parse(ReadOnlyMemory<byte> data, WireLimits limits)
        {
            var header = ParseHeader(data.Span, limits);
            if (data.Length - GenericByteDataHeader.Length < header.PayloadLength)
            {
                throw new MediaFormatException($"GenericByteData payload cut off: {data.Length - GenericByteDataHeader.Length} of {header.PayloadLength} bytes.");
            }

            return new GenericByteDataFrame(header, data.Slice(GenericByteDataHeader.Length, header.PayloadLength));
        }

        /// <summary>
        /// The next frame, or null when the stream ends cleanly between frames. A stream that
        /// ends inside a frame throws <see cref="MediaFormatException"/>.
        /// </summary>
        public GenericByteDataFrame? ReadFrame()
        {
            int read = ReadFully(_header, 0, _header.Length);
            if (read == 0)
            {
                return null;
            }

            var header = ParseHeader(_header.AsSpan(0, read), _limits);
            var payload = new byte[header.PayloadLength];
            read = ReadFully(payload, 0, payload.Length);
            if (read < payload.Length)
            {
                throw new MediaFormatException($"GenericByteData payload cut off: {read} of {payload.Length} bytes.");
            }

            return new GenericByteDataFrame(header, payload);
        }

        private int ReadFully(byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = _input.Read(buffer, offset + total, count - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
    }
}
