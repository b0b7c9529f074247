using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// Writes .NET values as AMF3, the mapping being the reverse of <see cref="Amf3Reader"/>.
    /// Every value is written inline (no string, object or traits references), which any reader
    /// accepts and keeps this writer stateless. Objects are written as dynamic with no sealed
    /// members; an empty <see cref="AmfEcmaArray"/> comes back as an empty <c>object?[]</c>.
    /// </summary>
    public static class Amf3Writer
    {
        private const int MaxNesting = 1024;
        private const int MaxU29Length = (1 << 28) - 1;

        /// <summary>
        /// Writes one value: null, <see cref="AmfUndefined"/>, bool, integral .NET types in the
        /// 29-bit range as integers and other numbers as doubles, string, <see cref="DateTime"/>,
        /// <see cref="AmfXmlDocument"/> (as XMLDocument 0x07), byte[] (byte array),
        /// <see cref="AmfEcmaArray"/> (array with only an associative part), <see cref="AmfObject"/>
        /// and any other <see cref="IList"/> (dense array).
        /// </summary>
        /// <exception cref="ArgumentException">The value, or something inside it, has no AMF3 form.</exception>
        public static void WriteValue(IBufferWriter<byte> output, object? value)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            Write(output, value, 0);
        }

        private static void Write(IBufferWriter<byte> output, object? value, int depth)
        {
            switch (value)
            {
                case null:
                    AmfOutput.WriteByte(output, Amf3Marker.Null);
                    break;
                case AmfUndefined _:
                    AmfOutput.WriteByte(output, Amf3Marker.Undefined);
                    break;
                case bool flag:
                    AmfOutput.WriteByte(output, flag ? Amf3Marker.True : Amf3Marker.False);
                    break;
                case string text:
                    AmfOutput.WriteByte(output, Amf3Marker.String);
                    WriteUtf8(output, text);
                    break;
                case DateTime date:
                    AmfOutput.WriteByte(output, Amf3Marker.Date);
                    WriteU29(output, 1);
                    AmfOutput.WriteDouble(output, AmfDate.ToMilliseconds(date));
                    break;
                case AmfXmlDocument xml:
                    AmfOutput.WriteByte(output, Amf3Marker.XmlDocument);
                    WriteUtf8(output, xml.Xml);
                    break;
                case byte[] bytes:
                    CheckLength(bytes.Length, "byte array");
                    AmfOutput.WriteByte(output, Amf3Marker.ByteArray);
                    WriteU29(output, (bytes.Length << 1) | 1);
                    AmfOutput.WriteBytes(output, bytes);
                    break;
                case AmfEcmaArray ecma:
                    Nest(depth);
                    AmfOutput.WriteByte(output, Amf3Marker.Array);
                    WriteU29(output, 1); // no dense part
                    WriteDynamicMembers(output, ecma, depth + 1);
                    break;
                case AmfObject obj:
                    Nest(depth);
                    AmfOutput.WriteByte(output, Amf3Marker.Object);
                    WriteU29(output, 0x0B); // inline object, inline traits, dynamic, 0 sealed members
                    WriteUtf8(output, obj.ClassName ?? string.Empty);
                    WriteDynamicMembers(output, obj, depth + 1);
                    break;
                case IList list:
                    Nest(depth);
                    CheckLength(list.Count, "array");
                    AmfOutput.WriteByte(output, Amf3Marker.Array);
                    WriteU29(output, (list.Count << 1) | 1);
                    WriteU29(output, 1); // empty associative part
                    foreach (object? element in list)
                    {
                        Write(output, element, depth + 1);
                    }

                    break;
                default:
                    if (AmfNumber.TryGetInt29(value, out int integer))
                    {
                        AmfOutput.WriteByte(output, Amf3Marker.Integer);
                        WriteU29(output, integer & 0x1FFFFFFF);
                    }
                    else if (AmfNumber.TryGetDouble(value, out double number))
                    {
                        AmfOutput.WriteByte(output, Amf3Marker.Double);
                        AmfOutput.WriteDouble(output, number);
                    }
                    else
                    {
                        throw new ArgumentException($"AMF3 has no form for a value of type {value.GetType().FullName}", nameof(value));
                    }

                    break;
            }
        }

        private static void WriteDynamicMembers(IBufferWriter<byte> output, IEnumerable<KeyValuePair<string, object?>> members, int depth)
        {
            foreach (KeyValuePair<string, object?> member in members)
            {
                if (member.Key.Length == 0)
                {
                    // The empty name ends the member list; it cannot also be a member.
                    throw new ArgumentException("AMF3 member names cannot be empty", nameof(members));
                }

                WriteUtf8(output, member.Key);
                Write(output, member.Value, depth);
            }

            WriteU29(output, 1); // the empty string ends the list
        }

        private static void WriteUtf8(IBufferWriter<byte> output, string text)
        {
            byte[] bytes = AmfText.Encode(text);
            CheckLength(bytes.Length, "string");
            WriteU29(output, (bytes.Length << 1) | 1);
            AmfOutput.WriteBytes(output, bytes);
        }

        /// <summary>U29 (AMF3 §1.3.1) for a value in 0 .. 2^29 − 1.</summary>
        internal static void WriteU29(IBufferWriter<byte> output, int value)
        {
            Span<byte> span = output.GetSpan(4);
            int length;
            if (value < 0x80)
            {
                span[0] = (byte)value;
                length = 1;
            }
            else if (value < 0x4000)
            {
                span[0] = (byte)((value >> 7) | 0x80);
                span[1] = (byte)(value & 0x7F);
                length = 2;
            }
            else if (value < 0x200000)
            {
                span[0] = (byte)((value >> 14) | 0x80);
                span[1] = (byte)(((value >> 7) & 0x7F) | 0x80);
                span[2] = (byte)(value & 0x7F);
                length = 3;
            }
            else
            {
                span[0] = (byte)(((value >> 22) & 0x7F) | 0x80);
                span[1] = (byte)(((value >> 15) & 0x7F) | 0x80);
                span[2] = (byte)(((value >> 8) & 0x7F) | 0x80);
                span[3] = (byte)(value & 0xFF);
                length = 4;
            }

            output.Advance(length);
        }

        private static void CheckLength(int length, string what)
        {
            if (length > MaxU29Length)
            {
                throw new ArgumentException($"AMF3 {what} is longer than {MaxU29Length}, what a U29 length can say", "value");
            }
        }

        private static void Nest(int depth)
        {
            if (depth >= MaxNesting)
            {
                throw new ArgumentException($"AMF3 value nests deeper than {MaxNesting} levels (a cycle?)", "value");
            }
        }
    }
}
