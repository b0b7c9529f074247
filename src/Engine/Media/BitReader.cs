using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// Reads big-endian bit fields and exp-Golomb codes (H.264 §9.1) from RBSP bytes. Reading
    /// past the end throws <see cref="MediaFormatException"/>, so a hostile parameter set can
    /// only make a parser fail, never read outside its buffer.
    /// </summary>
    internal ref struct BitReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private long _position;

        public BitReader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _position = 0;
        }

        public long BitsLeft => ((long)_data.Length * 8) - _position;

        public bool ReadFlag() => ReadBit() != 0;

        public uint ReadBit()
        {
            if (_position >= (long)_data.Length * 8)
            {
                throw new MediaFormatException("Bitstream ended early.");
            }

            uint bit = (uint)(_data[(int)(_position >> 3)] >> (7 - (int)(_position & 7))) & 1;
            _position++;
            return bit;
        }

        public uint ReadBits(int count)
        {
            if (count < 0 || count > 32)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (BitsLeft < count)
            {
                throw new MediaFormatException("Bitstream ended early.");
            }

            uint value = 0;
            for (int i = 0; i < count; i++)
            {
                value = (value << 1) | ReadBit();
            }

            return value;
        }

        public void Skip(long count)
        {
            if (count < 0 || BitsLeft < count)
            {
                throw new MediaFormatException("Bitstream ended early.");
            }

            _position += count;
        }

        /// <summary>ue(v): at most 31 leading zeros, so the value fits in a uint.</summary>
        public uint ReadUe()
        {
            int zeros = 0;
            while (ReadBit() == 0)
            {
                zeros++;
                if (zeros > 31)
                {
                    throw new MediaFormatException("Exp-Golomb code is longer than 32 bits.");
                }
            }

            if (zeros == 0)
            {
                return 0;
            }

            return (uint)(((1UL << zeros) - 1) + ReadBits(zeros));
        }

        /// <summary>ue(v) that must not exceed <paramref name="max"/> (a range the specification gives).</summary>
        public uint ReadUe(uint max, string field)
        {
            uint value = ReadUe();
            if (value > max)
            {
                throw new MediaFormatException($"{field} is {value}, above its maximum {max}.");
            }

            return value;
        }

        /// <summary>se(v).</summary>
        public int ReadSe()
        {
            long k = ReadUe();
            return (k & 1) != 0 ? (int)((k + 1) / 2) : (int)-(k / 2);
        }
    }
}
