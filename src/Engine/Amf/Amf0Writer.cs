using System;
using System.Buffers;
using RtmpXProtect.Engine.Buffers;
using System.Collections;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// Writes .NET values as AMF0, the mapping being the reverse of <see cref="Amf0Reader"/>.
    /// No references are emitted, so a graph with a cycle cannot be written (it fails with an
    /// <see cref="ArgumentException"/> once it nests deeper than any reader would accept).
    /// </summary>
    public static class Amf0Writer
    {
        // The largest MaxAmfDepth a reader can be configured with; deeper output is useless and
        // is most likely a cycle.
        private const int MaxNesting = 1024;

        /// <summary>
        /// Writes one value: null, <see cref="AmfUndefined"/>, bool, any .NET numeric type (as a
        /// double), string (long string when over 65,535 UTF-8 bytes), <see cref="AmfEcmaArray"/>,
        /// <see cref="AmfObject"/> (typed object when <see cref="AmfObject.ClassName"/> is set),
        /// any <see cref="IList"/> (strict array), <see cref="DateTime"/> (time zone 0) or
        /// <see cref="AmfXmlDocument"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The value, or something inside it, has no AMF0 form.</exception>
        public static void WriteValue(IBufferWriter<byte> output, object? value)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            Write(output, value, 0);
        }

        /// <summary>
        /// Writes several values back to back, as a command payload is. To write one strict array
        /// cast it to object (<c>Serialize((object)array)</c>), or C# spreads it into values.
        /// A null array writes one AMF null.
        /// </summary>
        public static byte[] Serialize(params object?[] values)
        {
            var buffer = new ByteBufferWriter(256);
            if (values is null)
            {
                Write(buffer, null, 0);
                return buffer.ToArray();
            }

            foreach (object? value in values)
            {
                Write(buffer, value, 0);
            }

            return buffer.ToArray();
        }

        private static void Write(IBufferWriter<byte> output, object? value, int depth)
        {
            switch (value)
            {
                case null:
                    AmfOutput.WriteByte(output, Amf0Marker.Null);
                    break;
                case AmfUndefined _:
                    AmfOutput.WriteByte(output, Amf0Marker.Undefined);
                    break;
                case bool flag:
                    AmfOutput.WriteByte(output, Amf0Marker.Boolean);
                    AmfOutput.WriteByte(output, flag ? (byte)1 : (byte)0);
                    break;
                case string text:
                    WriteString(output, text);
                    break;
                case AmfEcmaArray ecma:
                    Nest(depth);
                    AmfOutput.WriteByte(output, Amf0Marker.EcmaArray);
                    AmfOutput.WriteUInt32(output, (uint)ecma.Count);
                    WriteProperties(output, ecma, depth + 1);
                    break;
                case AmfObject obj when obj.ClassName is not null:
                    Nest(depth);
                    AmfOutput.WriteByte(output, Amf0Marker.TypedObject);
                    WriteShortUtf8(output, obj.ClassName, "class name");
                    WriteProperties(output, obj, depth + 1);
                    break;
                case AmfObject obj:
                    Nest(depth);
                    AmfOutput.WriteByte(output, Amf0Marker.Object);
                    WriteProperties(output, obj, depth + 1);
                    break;
                case DateTime date:
                    AmfOutput.WriteByte(output, Amf0Marker.Date);
                    AmfOutput.WriteDouble(output, AmfDate.ToMilliseconds(date));
                    AmfOutput.WriteUInt16(output, 0);
                    break;
                case AmfXmlDocument xml:
                    byte[] xmlBytes = AmfText.Encode(xml.Xml);
                    AmfOutput.WriteByte(output, Amf0Marker.XmlDocument);
                    AmfOutput.WriteUInt32(output, (uint)xmlBytes.Length);
                    AmfOutput.WriteBytes(output, xmlBytes);
                    break;
                case IList list:
                    Nest(depth);
                    AmfOutput.WriteByte(output, Amf0Marker.StrictArray);
                    AmfOutput.WriteUInt32(output, (uint)list.Count);
                    foreach (object? element in list)
                    {
                        Write(output, element, depth + 1);
                    }

                    break;
                default:
                    if (!AmfNumber.TryGetDouble(value, out double number))
                    {
                        throw new ArgumentException($"AMF0 has no form for a value of type {value.GetType().FullName}", nameof(value));
                    }

                    AmfOutput.WriteByte(output, Amf0Marker.Number);
                    AmfOutput.WriteDouble(output, number);
                    break;
            }
        }

        private static void WriteString(IBufferWriter<byte> output, string text)
        {
            byte[] bytes = AmfText.Encode(text);
            if (bytes.Length > ushort.MaxValue)
            {
                AmfOutput.WriteByte(output, Amf0Marker.LongString);
                AmfOutput.WriteUInt32(output, (uint)bytes.Length);
            }
            else
            {
                AmfOutput.WriteByte(output, Amf0Marker.String);
                AmfOutput.WriteUInt16(output, (ushort)bytes.Length);
            }

            AmfOutput.WriteBytes(output, bytes);
        }

        private static void WriteProperties(IBufferWriter<byte> output, IEnumerable<KeyValuePair<string, object?>> properties, int depth)
        {
            foreach (KeyValuePair<string, object?> property in properties)
            {
                if (property.Key.Length == 0)
                {
                    // An empty name followed by 0x09 is the end marker; any other empty name is ambiguous.
                    throw new ArgumentException("AMF0 property names cannot be empty", nameof(properties));
                }

                WriteShortUtf8(output, property.Key, "property name");
                Write(output, property.Value, depth);
            }

            AmfOutput.WriteUInt16(output, 0);
            AmfOutput.WriteByte(output, Amf0Marker.ObjectEnd);
        }

        private static void WriteShortUtf8(IBufferWriter<byte> output, string text, string what)
        {
            byte[] bytes = AmfText.Encode(text);
            if (bytes.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"AMF0 {what} is longer than 65535 UTF-8 bytes", nameof(text));
            }

            AmfOutput.WriteUInt16(output, (ushort)bytes.Length);
            AmfOutput.WriteBytes(output, bytes);
        }

        private static void Nest(int depth)
        {
            if (depth >= MaxNesting)
            {
                throw new ArgumentException($"AMF0 value nests deeper than {MaxNesting} levels (a cycle?)", "value");
            }
        }
    }
}
