using System;
using System.IO;

namespace RtmpXProtect.Engine.Media.Flv
{
    /// <summary>
    /// Reads an FLV file tag by tag (FLV 10.1 Annex E). A file is untrusted input: every size is
    /// bounded by <see cref="WireLimits.MaxFlvTagSize"/> before allocation, and malformed or
    /// truncated data throws <see cref="MediaFormatException"/>. Encrypted tags (the Filter
    /// bit) are rejected: the engine has no way to decrypt them and passing them on would only
    /// hand players undecodable data.
    /// </summary>
    public sealed class FlvReader
    {
        private const int HeaderLength = 9;
        private const int TagHeaderLength = 11;
        private const int FilterBit = 0x20;
        private readonly Stream _input;
        private readonly WireLimits _limits;
        private readonly byte[] _tagHeader = new byte[TagHeaderLength];
        private readonly byte[] _sizeField = new byte[4];

        /// <summary>
        /// Reads and validates the header (signature "FLV", version 1, data offset at least 9,
        /// skipping any bytes up to it) and PreviousTagSize0.
        /// </summary>
        public FlvReader(Stream input, WireLimits limits)
        {
            _input = input ?? throw new ArgumentNullException(nameof(input));
            _limits = limits ?? throw new ArgumentNullException(nameof(limits));
            var header = new byte[HeaderLength];
            if (ReadFully(header, HeaderLength) != HeaderLength)
            {
                throw new MediaFormatException("FLV header is truncated.");
            }

            if (header[0] != 'F' || header[1] != 'L' || header[2] != 'V')
            {
                throw new MediaFormatException("Not an FLV file (no FLV signature).");
            }

            if (header[3] != 1)
            {
                throw new MediaFormatException($"FLV version {header[3]} is not supported.");
            }

            HasAudio = (header[4] & 0x04) != 0;
            HasVideo = (header[4] & 0x01) != 0;
            uint dataOffset = ReadUInt32(header, 5);
            if (dataOffset < HeaderLength || dataOffset > (uint)limits.MaxFlvTagSize)
            {
                throw new MediaFormatException($"FLV data offset {dataOffset} is out of range.");
            }

            Skip(dataOffset - HeaderLength);
            if (ReadFully(_sizeField, 4) != 4)
            {
                throw new MediaFormatException("FLV file is truncated after its header.");
            }

            if (ReadUInt32(_sizeField, 0) != 0)
            {
                PreviousTagSizeMismatches++;
            }
        }

        /// <summary>The header says the file has audio tags.</summary>
        public bool HasAudio { get; }

        /// <summary>The header says the file has video tags.</summary>
        public bool HasVideo { get; }

        /// <summary>
        /// PreviousTagSize fields that did not match the tag before them. They are tolerated
        /// (some muxers get them wrong; nothing depends on them when reading forward) and counted.
        /// </summary>
        public int PreviousTagSizeMismatches { get; private set; }

        /// <summary>
        /// The next tag, or null at a clean end of file (between tags). A tag cut short throws
        /// <see cref="MediaFormatException"/> ("truncated tag").
        /// </summary>
        public FlvTag? ReadTag()
        {
            int read = ReadFully(_tagHeader, TagHeaderLength);
            if (read == 0)
            {
                return null;
            }

            if (read != TagHeaderLength)
            {
                throw new MediaFormatException("FLV file ends with a truncated tag (header).");
            }

            if ((_tagHeader[0] & FilterBit) != 0)
            {
                throw new MediaFormatException("FLV tag is encrypted (Filter bit set); encrypted files are not supported.");
            }

            var type = (FlvTagType)(_tagHeader[0] & 0x1F);
            int size = (_tagHeader[1] << 16) | (_tagHeader[2] << 8) | _tagHeader[3];
            if (size > _limits.MaxFlvTagSize)
            {
                throw new MediaFormatException($"FLV tag of {size} bytes is larger than the limit {_limits.MaxFlvTagSize}.");
            }

            // On a file, a cut tag is known before its body is allocated.
            if (_input.CanSeek && _input.Length - _input.Position < size + 4L)
            {
                throw new MediaFormatException("FLV file ends with a truncated tag.");
            }

            uint timestamp = ((uint)_tagHeader[7] << 24) | ((uint)_tagHeader[4] << 16) | ((uint)_tagHeader[5] << 8) | _tagHeader[6];
            var body = new byte[size];
            if (ReadFully(body, size) != size || ReadFully(_sizeField, 4) != 4)
            {
                throw new MediaFormatException("FLV file ends with a truncated tag.");
            }

            if (ReadUInt32(_sizeField, 0) != (uint)(TagHeaderLength + size))
            {
                PreviousTagSizeMismatches++;
            }

            return new FlvTag(type, timestamp, body);
        }

        private static uint ReadUInt32(byte[] source, int offset) =>
            ((uint)source[offset] << 24) | ((uint)source[offset + 1] << 16) | ((uint)source[offset + 2] << 8) | source[offset + 3];

        private int ReadFully(byte[] buffer, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = _input.Read(buffer, total, count - total);
                if (n <= 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }

        private void Skip(uint count)
        {
            var scratch = new byte[Math.Min(count, 4096u)];
            while (count > 0)
            {
                int chunk = (int)Math.Min(count, (uint)scratch.Length);
                if (ReadFully(scratch, chunk) != chunk)
                {
                    throw new MediaFormatException("FLV file is truncated before its data offset.");
                }

                count -= (uint)chunk;
            }
        }
    }
}
