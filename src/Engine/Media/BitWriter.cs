using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>Writes big-endian bit fields, for the few small configs the engine builds (AudioSpecificConfig).</summary>
    internal sealed class BitWriter
    {
        private readonly List<byte> _bytes = new List<byte>();
        private int _bitCount;

        public void Write(uint value, int count)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                if ((_bitCount & 7) == 0)
                {
                    _bytes.Add(0);
                }

                if (((value >> i) & 1) != 0)
                {
                    _bytes[_bytes.Count - 1] |= (byte)(0x80 >> (_bitCount & 7));
                }

                _bitCount++;
            }
        }

        /// <summary>The bytes written, the last one zero-padded.</summary>
        public byte[] ToArray() => _bytes.ToArray();
    }
}
