using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>
    /// Splits outgoing messages into chunks (RTMP 1.0 §5.3), compressing each header against the
    /// previous message on the same chunk stream. Sans-IO: it writes to an <see cref="IBufferWriter{T}"/>.
    /// </summary>
    /// <remarks>
    /// A fmt 3 header that starts a new message is used only after a fmt 1/2 header set the delta.
    /// After a fmt 0 header readers disagree about that delta (FFmpeg takes the fmt 0 timestamp, others
    /// 0), so the encoder sends fmt 2 there, which every reader takes the same way.
    /// </remarks>
    public sealed class ChunkEncoder
    {
        private const int InitialChunkSize = 128;
        private const uint NoExtendedTimestamp = 0xFFFFFF;
        private const int MaxMessageLength = 0xFFFFFF;

        private readonly Dictionary<int, OutboundChunkStream> _streams = new Dictionary<int, OutboundChunkStream>();

        /// <summary>Creates an encoder with the initial chunk size of 128 and no header state.</summary>
        public ChunkEncoder()
        {
        }

        /// <summary>The chunk size used for writing; changes only when a Set Chunk Size message is written.</summary>
        public int ChunkSize { get; private set; } = InitialChunkSize;

        /// <summary>
        /// Writes <paramref name="message"/> on <paramref name="chunkStreamId"/> with the smallest header
        /// the previous message on that chunk stream allows: fmt 0 on first use, a new stream id or a
        /// timestamp that goes backwards; fmt 1 when length or type change; fmt 2 when only the delta
        /// changes; fmt 3 when nothing does. A Set Chunk Size message takes effect after it is written.
        /// </summary>
        public void Write(IBufferWriter<byte> output, int chunkStreamId, RtmpMessage message)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            BasicHeader.CheckId(chunkStreamId, nameof(chunkStreamId));
            CheckMessage(message);
            int newChunkSize = 0;
            if (message.Type == MessageType.SetChunkSize)
            {
                newChunkSize = ReadOutgoingChunkSize(message);
            }

            int format;
            uint field;
            if (!_streams.TryGetValue(chunkStreamId, out OutboundChunkStream? last))
            {
                last = new OutboundChunkStream();
                _streams.Add(chunkStreamId, last);
                format = 0;
                field = message.Timestamp;
            }
            else if (last.MessageStreamId != message.StreamId || RtmpTime.IsAfter(last.Timestamp, message.Timestamp))
            {
                format = 0;
                field = message.Timestamp;
            }
            else
            {
                field = unchecked(message.Timestamp - last.Timestamp);
                if (last.MessageLength != message.Payload.Length || last.MessageType != message.Type)
                {
                    format = 1;
                }
                else
                {
                    format = last.HasDelta && last.TimestampDelta == field ? 3 : 2;
                }
            }

            WriteChunks(ref output, chunkStreamId, ChunkSize, format, field, message.Type, message.StreamId, message.Payload.Span);

            last.Timestamp = message.Timestamp;
            last.MessageStreamId = message.StreamId;
            last.MessageLength = message.Payload.Length;
            last.MessageType = message.Type;
            last.HasDelta = format != 0;
            last.TimestampDelta = format == 0 ? 0 : field;

            if (newChunkSize != 0)
            {
                ChunkSize = newChunkSize;
            }
        }

        /// <summary>
        /// Frames a message as one fmt 0 chunk and fmt 3 continuations, independent of any earlier
        /// header, so the same bytes can go to every player of a stream (all at <paramref name="chunkSize"/>).
        /// </summary>
        public static void WriteSelfContained(IBufferWriter<byte> output, int chunkStreamId, int chunkSize, RtmpMessage message)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            BasicHeader.CheckId(chunkStreamId, nameof(chunkStreamId));
            CheckChunkSize(chunkSize);
            CheckMessage(message);
            WriteChunks(ref output, chunkStreamId, chunkSize, 0, message.Timestamp, message.Type, message.StreamId, message.Payload.Span);
        }

        /// <summary>
        /// Forgets the header state of a chunk stream, so the next message on it is sent with fmt 0; call
        /// it after self-contained frames went out on that chunk stream behind this encoder's back.
        /// </summary>
        public void Reset(int chunkStreamId) => _streams.Remove(chunkStreamId);

        /// <summary>The exact number of bytes <see cref="WriteSelfContained"/> writes for such a message.</summary>
        public static int SelfContainedLength(int payloadLength, int chunkSize, int chunkStreamId, uint timestamp)
        {
            if (payloadLength < 0 || payloadLength > MaxMessageLength)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadLength), payloadLength, "Payload length must be 0–16777215.");
            }

            CheckChunkSize(chunkSize);
            BasicHeader.CheckId(chunkStreamId, nameof(chunkStreamId));
            int chunks = payloadLength == 0 ? 1 : (int)(((long)payloadLength + chunkSize - 1) / chunkSize);
            int perChunk = BasicHeader.Length(chunkStreamId) + (timestamp >= NoExtendedTimestamp ? 4 : 0);
            return checked((chunks * perChunk) + 11 + payloadLength);
        }

        /// <summary>
        /// <see cref="WriteSelfContained"/> into the first <paramref name="length"/> bytes of an array,
        /// exactly <see cref="SelfContainedLength"/>: fan-out frames each message once, straight into
        /// the array every player then shares.
        /// </summary>
        internal static void FrameSelfContained(byte[] destination, int length, int chunkStreamId, int chunkSize, MessageType type, uint timestamp, uint streamId, ReadOnlySpan<byte> payload)
        {
            var writer = new ArrayWriter(destination, length);
            WriteChunks(ref writer, chunkStreamId, chunkSize, 0, timestamp, type, streamId, payload);
            if (writer.Written != length)
            {
                throw new InvalidOperationException($"Framing wrote {writer.Written} bytes where {length} were expected.");
            }
        }

        // Generic so the array writer above is called without boxing.
        private static void WriteChunks<TWriter>(ref TWriter output, int chunkStreamId, int chunkSize, int format, uint field, MessageType type, uint streamId, ReadOnlySpan<byte> payload)
            where TWriter : IBufferWriter<byte>
        {
            // The extended timestamp is repeated on every fmt 3 chunk of the message (§5.3.1.3), and a fmt 3
            // new message carries it when the delta it reuses needed one.
            bool extended = field >= NoExtendedTimestamp;
            int offset = 0;
            do
            {
                int count = Math.Min(chunkSize, payload.Length - offset);
                int headerLength = BasicHeader.Length(chunkStreamId) + MessageHeaderLength(format) + (extended ? 4 : 0);
                Span<byte> span = output.GetSpan(headerLength + count);
                int position = BasicHeader.Write(span, format, chunkStreamId);
                if (format <= 2)
                {
                    WriteUInt24(span.Slice(position), extended ? NoExtendedTimestamp : field);
                    position += 3;
                }

                if (format <= 1)
                {
                    WriteUInt24(span.Slice(position), (uint)payload.Length);
                    span[position + 3] = (byte)type;
                    position += 4;
                }

                if (format == 0)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(position), streamId);
                    position += 4;
                }

                if (extended)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(span.Slice(position), field);
                    position += 4;
                }

                payload.Slice(offset, count).CopyTo(span.Slice(position));
                output.Advance(position + count);
                offset += count;
                format = 3;
            }
            while (offset < payload.Length);
        }

        private static int MessageHeaderLength(int format) => format == 0 ? 11 : format == 1 ? 7 : format == 2 ? 3 : 0;

        private static void WriteUInt24(Span<byte> destination, uint value)
        {
            destination[0] = (byte)(value >> 16);
            destination[1] = (byte)(value >> 8);
            destination[2] = (byte)value;
        }

        private static void CheckMessage(RtmpMessage message)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            if (message.Payload.Length > MaxMessageLength)
            {
                throw new ArgumentException($"Message of {message.Payload.Length} bytes exceeds the 24-bit length field.", nameof(message));
            }
        }

        private static void CheckChunkSize(int chunkSize)
        {
            if (chunkSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "Chunk size must be at least 1.");
            }
        }

        private static int ReadOutgoingChunkSize(RtmpMessage message)
        {
            try
            {
                return ProtocolControl.ReadSetChunkSize(message.Payload.Span);
            }
            catch (RtmpProtocolException error)
            {
                throw new ArgumentException("Set Chunk Size message to send is malformed: " + error.Message, nameof(message), error);
            }
        }
    }
}
