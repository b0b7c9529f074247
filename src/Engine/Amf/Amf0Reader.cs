using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// Reads AMF0 values (Adobe AMF0 specification) from a message payload, one at a time.
    /// </summary>
    /// <remarks>
    /// The bytes are hostile: every length and count is checked against <see cref="WireLimits"/>
    /// and against the bytes left before anything is allocated, nesting is bounded by
    /// <see cref="WireLimits.MaxAmfDepth"/> so the recursion cannot overflow the stack, and every
    /// problem is an <see cref="AmfFormatException"/>. The reference tables (AMF0 objects, and the
    /// AMF3 tables used after 0x11 switches) live as long as the reader, that is one message.
    /// Strings are decoded leniently: invalid UTF-8 becomes U+FFFD. After an exception the reader
    /// must not be used again.
    /// </remarks>
    public ref struct Amf0Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly WireLimits _limits;
        private int _position;
        private int _depth;
        private List<object>? _references;
        private Amf3ReferenceTables? _amf3Tables;

        /// <summary>Starts reading at the first byte of <paramref name="data"/>.</summary>
        public Amf0Reader(ReadOnlySpan<byte> data, WireLimits limits)
        {
            _data = data;
            _limits = limits ?? throw new ArgumentNullException(nameof(limits));
            _position = 0;
            _depth = 0;
            _references = null;
            _amf3Tables = null;
        }

        /// <summary>Bytes consumed so far.</summary>
        public int Position => _position;

        /// <summary>Whether every byte has been consumed.</summary>
        public bool IsAtEnd => _position >= _data.Length;

        /// <summary>
        /// Reads every value until the end of <paramref name="data"/>: a command payload is a
        /// sequence of values (name, transaction id, command object, arguments...).
        /// </summary>
        public static List<object?> ReadAll(ReadOnlySpan<byte> data, WireLimits limits)
        {
            var reader = new Amf0Reader(data, limits);
            var values = new List<object?>();
            while (!reader.IsAtEnd)
            {
                values.Add(reader.ReadValue());
            }

            return values;
        }

        /// <summary>Reads one value; see the type remarks for how AMF types map to .NET.</summary>
        /// <exception cref="AmfFormatException">The bytes are malformed, unsupported or over a limit.</exception>
        public object? ReadValue()
        {
            byte marker = ReadByte("value");
            switch (marker)
            {
                case Amf0Marker.Number:
                    return ReadDouble("number");
                case Amf0Marker.Boolean:
                    return ReadByte("boolean") != 0;
                case Amf0Marker.String:
                    return ReadUtf8(ReadUInt16("string length"), "string");
                case Amf0Marker.LongString:
                    return ReadUtf8(ReadUInt32("long string length"), "long string");
                case Amf0Marker.XmlDocument:
                    return new AmfXmlDocument(ReadUtf8(ReadUInt32("XML document length"), "XML document"));
                case Amf0Marker.Null:
                    return null;
                case Amf0Marker.Undefined:
                case Amf0Marker.Unsupported:
                    // 0x0D stands in for a value the sender could not serialize; it carries no
                    // data, so it reads as undefined rather than failing the whole command.
                    return AmfUndefined.Value;
                case Amf0Marker.Object:
                    return ReadObject(new AmfObject(), "object");
                case Amf0Marker.TypedObject:
                    string className = ReadUtf8(ReadUInt16("class name length"), "class name");
                    return ReadObject(new AmfObject { ClassName = className }, "typed object");
                case Amf0Marker.EcmaArray:
                    // The count is only a hint (encoders get it wrong); the end marker decides.
                    ReadUInt32("ECMA array count");
                    return ReadObject(new AmfEcmaArray(), "ECMA array");
                case Amf0Marker.StrictArray:
                    return ReadStrictArray();
                case Amf0Marker.Date:
                    double milliseconds = ReadDouble("date");
                    ReadUInt16("date time zone");
                    return AmfDate.FromMilliseconds(milliseconds, "AMF0");
                case Amf0Marker.Reference:
                    return ReadReference();
                case Amf0Marker.AvmPlusObject:
                    return ReadAmf3Value();
                case Amf0Marker.ObjectEnd:
                    throw new AmfFormatException("AMF0 object end marker found where a value was expected");
                case Amf0Marker.MovieClip:
                case Amf0Marker.RecordSet:
                    throw new AmfFormatException($"AMF0 type 0x{marker:X2} (movieclip, recordset) is not supported");
                default:
                    throw new AmfFormatException($"unknown AMF0 type marker 0x{marker:X2}");
            }
        }

        private AmfObject ReadObject(AmfObject target, string what)
        {
            Enter();
            AddReference(target);
            int items = 0;
            while (true)
            {
                int keyLength = ReadUInt16(what + " property name length");
                if (keyLength == 0)
                {
                    if (ReadByte(what + " end marker") != Amf0Marker.ObjectEnd)
                    {
                        throw new AmfFormatException($"AMF0 {what} has an empty property name not followed by the object end marker");
                    }

                    break;
                }

                string key = ReadUtf8(keyLength, what + " property name");
                if (++items > _limits.MaxAmfItems)
                {
                    throw new AmfFormatException($"AMF0 {what} has more than {_limits.MaxAmfItems} properties");
                }

                target[key] = ReadValue();
            }

            _depth--;
            return target;
        }

        private object?[] ReadStrictArray()
        {
            uint count = ReadUInt32("strict array count");
            if (count > (uint)_limits.MaxAmfItems)
            {
                throw new AmfFormatException($"AMF0 strict array has more than {_limits.MaxAmfItems} elements");
            }

            // Every element takes at least its one marker byte.
            if (count > (uint)(_data.Length - _position))
            {
                throw new AmfFormatException("AMF0 strict array runs past the end of the message");
            }

            Enter();
            var array = new object?[count];
            AddReference(array);
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = ReadValue();
            }

            _depth--;
            return array;
        }

        private object ReadReference()
        {
            int index = ReadUInt16("reference");
            if (_references is null || index >= _references.Count)
            {
                throw new AmfFormatException($"AMF0 reference {index} points past the {_references?.Count ?? 0} objects read so far");
            }

            return _references[index];
        }

        private object? ReadAmf3Value()
        {
            var amf3 = new Amf3Reader(_data.Slice(_position), _limits, _amf3Tables ??= new Amf3ReferenceTables(), _depth);
            object? value = amf3.ReadValue();
            _position += amf3.Position;
            return value;
        }

        private void AddReference(object value)
        {
            _references ??= new List<object>();
            if (_references.Count >= _limits.MaxAmfReferences)
            {
                throw new AmfFormatException($"AMF0 reference table holds more than {_limits.MaxAmfReferences} objects");
            }

            _references.Add(value);
        }

        private void Enter()
        {
            if (++_depth > _limits.MaxAmfDepth)
            {
                throw new AmfFormatException($"AMF nesting deeper than {_limits.MaxAmfDepth}");
            }
        }

        private byte ReadByte(string what)
        {
            if (_position >= _data.Length)
            {
                throw Truncated(what);
            }

            return _data[_position++];
        }

        private int ReadUInt16(string what)
        {
            ushort value = BinaryPrimitives.ReadUInt16BigEndian(Take(2, what));
            return value;
        }

        private uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, what));

        private double ReadDouble(string what) => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Take(8, what)));

        private string ReadUtf8(uint length, string what)
        {
            if (length > (uint)_limits.MaxAmfStringLength)
            {
                throw new AmfFormatException($"AMF0 {what} is longer than {_limits.MaxAmfStringLength} bytes");
            }

            return AmfText.Decode(Take((int)length, what));
        }

        private string ReadUtf8(int length, string what) => ReadUtf8((uint)length, what);

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

        private static AmfFormatException Truncated(string what) => new AmfFormatException($"AMF0 {what} runs past the end of the message");
    }
}
