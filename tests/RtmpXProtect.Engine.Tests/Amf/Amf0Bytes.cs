using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace RtmpXProtect.Engine.Tests.Amf
{
    /// <summary>
    /// Builds AMF0 bytes straight from the specification's layouts, independently of
    /// <c>Amf0Writer</c>, so reader tests do not test the writer against itself.
    /// </summary>
    internal sealed class Amf0Bytes
    {
        private readonly List<byte> _bytes = new List<byte>();

        public Amf0Bytes Raw(params byte[] bytes)
        {
            _bytes.AddRange(bytes);
            return this;
        }

        public Amf0Bytes Number(double value)
        {
            var buffer = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(buffer, BitConverter.DoubleToInt64Bits(value));
            return Raw(0x00).Raw(buffer);
        }

        public Amf0Bytes Boolean(bool value) => Raw(0x01, value ? (byte)1 : (byte)0);

        public Amf0Bytes String(string value) => Raw(0x02).Utf8(value);

        public Amf0Bytes Key(string name) => Utf8(name);

        public Amf0Bytes ObjectStart() => Raw(0x03);

        public Amf0Bytes EcmaArrayStart(uint count) => Raw(0x08, (byte)(count >> 24), (byte)(count >> 16), (byte)(count >> 8), (byte)count);

        public Amf0Bytes StrictArrayStart(uint count) => Raw(0x0A, (byte)(count >> 24), (byte)(count >> 16), (byte)(count >> 8), (byte)count);

        public Amf0Bytes ObjectEnd() => Raw(0x00, 0x00, 0x09);

        public Amf0Bytes Null() => Raw(0x05);

        public byte[] ToArray() => _bytes.ToArray();

        private Amf0Bytes Utf8(string value)
        {
            byte[] text = Encoding.UTF8.GetBytes(value);
            return Raw((byte)(text.Length >> 8), (byte)text.Length).Raw(text);
        }
    }
}
