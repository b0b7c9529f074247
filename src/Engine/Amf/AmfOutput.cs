using System;
using System.Buffers;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>Big-endian primitives onto an <see cref="IBufferWriter{T}"/>, shared by both writers.</summary>
    internal static class AmfOutput
    {
        public static void WriteByte(IBufferWriter<byte> output, byte value)
        {
            output.GetSpan(1)[0] = value;
            output.Advance(1);
        }

        public static void WriteUInt16(IBufferWriter<byte> output, ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(output.GetSpan(2), value);
            output.Advance(2);
        }

        public static void WriteUInt32(IBufferWriter<byte> output, uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output.GetSpan(4), value);
            output.Advance(4);
        }

        public static void WriteDouble(IBufferWriter<byte> output, double value)
        {
            BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), BitConverter.DoubleToInt64Bits(value));
            output.Advance(8);
        }

        public static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return;
            }

            bytes.CopyTo(output.GetSpan(bytes.Length));
            output.Advance(bytes.Length);
        }
    }
}
