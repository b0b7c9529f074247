using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// Reads AMF3 values (Adobe AMF3 specification), enough for RTMP commands and data sent as
    /// AMF3: every type except vectors, dictionaries and externalizable objects.
    /// </summary>
    /// <remarks>
    /// Mapping: integer reads as double (like every AMF number); a dense array as
    /// <c>object?[]</c>; an array with an associative part as <see cref="AmfEcmaArray"/> holding
    /// the associative pairs then the dense elements under keys "0", "1", ...; an object as
    /// <see cref="AmfObject"/> (sealed members first, then dynamic ones; <c>ClassName</c> set when
    /// the traits name a class); XML and XMLDocument as <see cref="AmfXmlDocument"/>; a byte
    /// array as <c>byte[]</c>. References resolve to the same instance. Limits and leniency are as
    /// for <see cref="Amf0Reader"/>; byte arrays are bounded by
    /// <see cref="WireLimits.MaxAmfStringLength"/>. After an exception the reader must not be used again.
    /// </remarks>
    public ref struct Amf3Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly WireLimits _limits;
        private readonly Amf3ReferenceTables _tables;
        private int _position;
        private int _depth;

        /// <summary>Starts reading at the first byte of <paramref name="data"/>, with empty reference tables.</summary>
        public Amf3Reader(ReadOnlySpan<byte> data, WireLimits limits)
            : this(data, limits ?? throw new ArgumentNullException(nameof(limits)), new Amf3ReferenceTables(), 0)
        {
        }

        /// <summary>Continues with reference tables and nesting depth inherited from an AMF0 reader (0x11 switch).</summary>
        internal Amf3Reader(ReadOnlySpan<byte> data, WireLimits limits, Amf3ReferenceTables tables, int depth)
        {
            _data = data;
            _limits = limits;
            _tables = tables;
            _position = 0;
            _depth = depth;
        }

        /// <summary>Bytes consumed so far.</summary>
        public int Position => _position;

        /// <summary>Whether every byte has been consumed.</summary>
        public bool IsAtEnd => _position >= _data.Length;

        /// <summary>Reads every value until the end of <paramref name="data"/>, sharing one set of reference tables.</summary>
        public static List<object?> ReadAll(ReadOnlySpan<byte> data, WireLimits limits)
        {
            var reader = new Amf3Reader(data, limits);
            var values = new List<object?>();
            while (!reader.IsAtEnd)
            {
                values.Add(reader.ReadValue());
            }

            return values;
        }

        /// <summary>Reads one value.</summary>
        /// <exception cref="AmfFormatException">The bytes are malformed, unsupported or over a limit.</exception>
        public object? ReadValue()
        {
            byte marker = ReadByte("value");
            switch (marker)
            {
                case Amf3Marker.Undefined:
                    return AmfUndefined.Value;
                case Amf3Marker.Null:
                    return null;
                case Amf3Marker.False:
                    return false;
                case Amf3Marker.True:
                    return true;
                case Amf3Marker.Integer:
                    int integer = ReadU29("integer");
                    // Sign-extend the 29-bit two's complement value (AMF3 §3.6).
                    return (double)((integer << 3) >> 3);
                case Amf3Marker.Double:
                    return ReadDouble("double");
                case Amf3Marker.String:
                    return ReadString("string");
                case Amf3Marker.XmlDocument:
                case Amf3Marker.Xml:
                    return ReadXml();
                case Amf3Marker.Date:
                    return ReadDate();
                case Amf3Marker.Array:
                    return ReadArray();
                case Amf3Marker.Object:
                    return ReadObject();
                case Amf3Marker.ByteArray:
                    return ReadByteArray();
                case Amf3Marker.VectorInt:
                case Amf3Marker.VectorUInt:
                case Amf3Marker.VectorDouble:
                case Amf3Marker.VectorObject:
                case Amf3Marker.Dictionary:
                    throw new AmfFormatException($"AMF3 type 0x{marker:X2} (vector, dictionary) is not supported");
                default:
                    throw new AmfFormatException($"unknown AMF3 type marker 0x{marker:X2}");
            }
        }

        /// <summary>A string with the string table: a reference, or inline text that (when not empty) joins the table.</summary>
        private string ReadString(string what)
        {
            int header = ReadU29(what);
            if ((header & 1) == 0)
            {
                return _tables.GetString(header >> 1);
            }

            int length = header >> 1;
            if (length == 0)
            {
                // The empty string is never sent as a reference and never joins the table (AMF3 §1.3.2).
                return string.Empty;
            }

            string value = AmfText.Decode(TakeCounted(length, what, _limits.MaxAmfStringLength));
            _tables.AddString(value, _limits);
            return value;
        }

        private object ReadXml()
        {
            int header = ReadU29("XML");
            if ((header & 1) == 0)
            {
                return _tables.GetObject(header >> 1);
            }

            var document = new AmfXmlDocument(AmfText.Decode(TakeCounted(header >> 1, "XML", _limits.MaxAmfStringLength)));
            _tables.AddObject(document, _limits);
            return document;
        }

        private object ReadDate()
        {
            int header = ReadU29("date");
            if ((header & 1) == 0)
            {
                return _tables.GetObject(header >> 1);
            }

            object date = AmfDate.FromMilliseconds(ReadDouble("date"), "AMF3");
            _tables.AddObject(date, _limits);
            return date;
        }

        private object ReadByteArray()
        {
            int header = ReadU29("byte array");
            if ((header & 1) == 0)
            {
                return _tables.GetObject(header >> 1);
            }

            byte[] bytes = TakeCounted(header >> 1, "byte array", _limits.MaxAmfStringLength).ToArray();
            _tables.AddObject(bytes, _limits);
            return bytes;
        }

        private object ReadArray()
        {
            int header = ReadU29("array");
            if ((header & 1) == 0)
            {
                return _tables.GetObject(header >> 1);
            }

            int denseCount = header >> 1;
            CheckCount(denseCount, "array");
            Enter();

            // The type of the result depends on whether there is an associative part, which is
            // known from its first key; the instance must be in the object table before any
            // element is read, because an element may refer back to the array.
            string key = ReadString("array key");
            object result;
            if (key.Length == 0)
            {
                var dense = new object?[denseCount];
                _tables.AddObject(dense, _limits);
                for (int i = 0; i < dense.Length; i++)
                {
                    dense[i] = ReadValue();
                }

                result = dense;
            }
            else
            {
                var mixed = new AmfEcmaArray();
                _tables.AddObject(mixed, _limits);
                int items = denseCount;
                while (key.Length != 0)
                {
                    if (++items > _limits.MaxAmfItems)
                    {
                        throw new AmfFormatException($"AMF3 array has more than {_limits.MaxAmfItems} elements");
                    }

                    mixed[key] = ReadValue();
                    key = ReadString("array key");
                }

                for (int i = 0; i < denseCount; i++)
                {
                    mixed[i.ToString(CultureInfo.InvariantCulture)] = ReadValue();
                }

                result = mixed;
            }

            _depth--;
            return result;
        }

        private object ReadObject()
        {
            int header = ReadU29("object");
            if ((header & 1) == 0)
            {
                return _tables.GetObject(header >> 1);
            }

            Amf3Traits traits;
            if ((header & 2) == 0)
            {
                traits = _tables.GetTraits(header >> 2);
            }
            else
            {
                if ((header & 4) != 0)
                {
                    throw new AmfFormatException("externalizable AMF3 objects are not supported");
                }

                int sealedCount = header >> 4;
                CheckCount(sealedCount, "object");
                string className = ReadString("class name");
                var names = new string[sealedCount];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = ReadString("member name");
                }

                traits = new Amf3Traits(className.Length == 0 ? null : className, names, (header & 8) != 0);
                _tables.AddTraits(traits, _limits);
            }

            Enter();
            var target = new AmfObject { ClassName = traits.ClassName };
            _tables.AddObject(target, _limits);
            foreach (string name in traits.SealedMemberNames)
            {
                target[name] = ReadValue();
            }

            if (traits.IsDynamic)
            {
                int items = traits.SealedMemberNames.Count;
                string key = ReadString("member name");
                while (key.Length != 0)
                {
                    if (++items > _limits.MaxAmfItems)
                    {
                        throw new AmfFormatException($"AMF3 object has more than {_limits.MaxAmfItems} members");
                    }

                    target[key] = ReadValue();
                    key = ReadString("member name");
                }
            }

            _depth--;
            return target;
        }

        /// <summary>A count of items that each take at least one byte: bounded by the limit and by the bytes left.</summary>
        private void CheckCount(int count, string what)
        {
            if (count > _limits.MaxAmfItems)
            {
                throw new AmfFormatException($"AMF3 {what} has more than {_limits.MaxAmfItems} elements");
            }

            if (count > _data.Length - _position)
            {
                throw Truncated(what);
            }
        }

        private void Enter()
        {
            if (++_depth > _limits.MaxAmfDepth)
            {
                throw new AmfFormatException($"AMF nesting deeper than {_limits.MaxAmfDepth}");
            }
        }

        /// <summary>U29: 1-4 bytes, 7 bits each with a continuation bit, the fourth byte all 8 bits (AMF3 §1.3.1).</summary>
        private int ReadU29(string what)
        {
            int value = 0;
            for (int i = 0; i < 3; i++)
            {
                byte next = ReadByte(what);
                value = (value << 7) | (next & 0x7F);
                if ((next & 0x80) == 0)
                {
                    return value;
                }
            }

            return (value << 8) | ReadByte(what);
        }

        private byte ReadByte(string what)
        {
            if (_position >= _data.Length)
            {
                throw Truncated(what);
            }

            return _data[_position++];
        }

        private double ReadDouble(string what) => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Take(8, what)));

        private ReadOnlySpan<byte> TakeCounted(int length, string what, int limit)
        {
            if (length > limit)
            {
                throw new AmfFormatException($"AMF3 {what} is longer than {limit} bytes");
            }

            return Take(length, what);
        }

        private ReadOnlySpan<byte> Take(int length, string what)
        {
            if (length > _data.Length - _position)
            {
                throw Truncated(what);
            }

            ReadOnlySpan<byte> bytes = _data.Slice(_position, length);
            _position += length;
            return bytes;
        }

        private static AmfFormatException Truncated(string what) => new AmfFormatException($"AMF3 {what} runs past the end of the message");
    }
}
