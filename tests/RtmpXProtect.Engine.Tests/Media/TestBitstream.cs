using System.Collections.Generic;

namespace RtmpXProtect.Engine.Tests.Media
{
    /// <summary>Builds RBSP bit by bit (with exp-Golomb codes) and wraps it as an escaped NAL unit, to hand-craft parameter sets.</summary>
    internal sealed class TestBitstream
    {
        private readonly List<bool> _bits = new List<bool>();

        public TestBitstream Bits(ulong value, int count)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                _bits.Add(((value >> i) & 1) != 0);
            }

            return this;
        }

        public TestBitstream Flag(bool value) => Bits(value ? 1UL : 0UL, 1);

        public TestBitstream Ue(uint value)
        {
            ulong code = (ulong)value + 1;
            int length = 0;
            while ((code >> length) > 1)
            {
                length++;
            }

            Bits(0, length);
            return Bits(code, length + 1);
        }

        public TestBitstream Se(int value) => Ue(value > 0 ? (uint)((2 * value) - 1) : (uint)(-2 * value));

        /// <summary>rbsp_trailing_bits, then the NAL header bytes in front and emulation prevention applied.</summary>
        public byte[] ToNal(params byte[] header)
        {
            Bits(1, 1);
            while (_bits.Count % 8 != 0)
            {
                _bits.Add(false);
            }

            var output = new List<byte>(header);
            int zeros = 0;
            for (int i = 0; i < _bits.Count; i += 8)
            {
                byte b = 0;
                for (int j = 0; j < 8; j++)
                {
                    b = (byte)((b << 1) | (_bits[i + j] ? 1 : 0));
                }

                if (zeros >= 2 && b <= 3)
                {
                    output.Add(3);
                    zeros = 0;
                }

                output.Add(b);
                zeros = b == 0 ? zeros + 1 : 0;
            }

            return output.ToArray();
        }
    }
}
