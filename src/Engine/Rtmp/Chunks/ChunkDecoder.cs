using System;
using System.Buffers;
using System.Threading;
using System.Buffers.Binary;
using System.Collections.Generic;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Chunks
{
    /// <summary>
    /// Reassembles RTMP messages from the chunk stream a peer sends (RTMP 1.0 §5.3), sans-IO: bytes in,
    /// complete messages out, in any split of the input. Every length and count a peer announces is
    /// checked against <see cref="WireLimits"/> before memory is set aside for it.
    /// </summary>
    /// <remarks>
    /// Timestamps: a fmt 0 header carries the absolute timestamp, fmt 1/2 a delta added with 32-bit
    /// wrap; a fmt 3 chunk that starts a new message adds the last delta again. After a fmt 0 header
    /// that delta is the fmt 0 timestamp itself, as FFmpeg reads and writes it (libavformat/rtmppkt.c).
    /// <para>
    /// Extended timestamps on fmt 3 chunks: when the last fmt 0–2 header on the chunk stream used one,
    /// a fmt 3 chunk starting a new message always carries one (its value is taken as the delta). On a
    /// continuation chunk some encoders leave it out; the decoder looks at the next 4 bytes and consumes
    /// them only when they equal the extended timestamp of the message's header, otherwise they are
    /// payload. A payload that happens to begin with exactly those 4 bytes from such an encoder would be
    /// misread; that is the same trade FFmpeg and nginx-rtmp make.
    /// </para>
    /// </remarks>
    public sealed class ChunkDecoder
    {
        private const int InitialChunkSize = 128;
        private const int NoExtendedTimestamp = 0xFFFFFF;

        // Basic header (3) + fmt 0 message header (11) + extended timestamp (4).
        private const int MaxHeaderLength = 18;

        private readonly WireLimits _limits;
        private readonly Dictionary<int, InboundChunkStream> _streams = new Dictionary<int, InboundChunkStream>();
        private const int InitialPayloadCapacity = 64 * 1024;

        // Larger payloads get arrays of their own: the shared pool keeps what it is given back, and a
        // peer's 16 MiB messages must not leave 16 MiB arrays behind in it.
        private const int MaxPooledPayload = 1024 * 1024;
        private readonly byte[] _header = new byte[MaxHeaderLength];
        private int _headerFilled;
        private InboundChunkStream? _current;
        private int _chunkRemaining;

        // Bytes held in buffers of messages not yet complete; the server's memory budget reads it
        // from another thread, so it is a field kept current, not a walk over the streams.
        private long _pendingBytes;

        /// <summary>Creates a decoder bounded by <paramref name="limits"/>.</summary>
        public ChunkDecoder(WireLimits limits)
        {
            _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        }

        /// <summary>The peer's chunk size; 128 until its Set Chunk Size message arrives (§5.4.1).</summary>
        public int ChunkSize { get; private set; } = InitialChunkSize;

        /// <summary>Every byte passed to <see cref="Decode"/>, wrapping at 2^32 as the acknowledgement counter does.</summary>
        public uint BytesReceived { get; private set; }

        /// <summary>Bytes held for messages that have not fully arrived; safe to read from any thread.</summary>
        internal long PendingBytes => Interlocked.Read(ref _pendingBytes);

        /// <summary>
        /// Audio and video payloads come from <see cref="MediaArrayPool.Media"/>, and the owner hands
        /// each back with <see cref="Recycle"/> once nothing holds it: a server whose publishers'
        /// frames are only copied into the GOP cache then allocates no payload per message.
        /// </summary>
        internal bool PooledPayloads { get; set; }

        /// <summary>
        /// Gives <paramref name="message"/>'s payload back to the pool if this decoder rented it;
        /// nothing may read the message afterwards. Any other message is left alone.
        /// </summary>
        internal static void Recycle(RtmpMessage message)
        {
            var rented = message.Rented;
            if (rented != null)
            {
                message.Rented = null;
                MediaArrayPool.Media.Return(rented);
            }
        }

        /// <summary>
        /// Consumes all of <paramref name="input"/>, keeping partial headers and messages for the next
        /// call, and appends each completed message to <paramref name="output"/> in order. Set Chunk Size
        /// and Abort are applied here when they complete and still reported.
        /// </summary>
        /// <exception cref="RtmpProtocolException">The peer broke the protocol or a limit; the connection must be closed.</exception>
        public void Decode(ReadOnlySpan<byte> input, ICollection<RtmpMessage> output)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            BytesReceived = unchecked(BytesReceived + (uint)input.Length);
            Process(input, output);
        }

        private void Process(ReadOnlySpan<byte> input, ICollection<RtmpMessage> output)
        {
            while (!input.IsEmpty)
            {
                if (_current != null)
                {
                    input = ReadPayload(input, output);
                    continue;
                }

                if (_headerFilled == 0)
                {
                    if (TryReadHeader(input, out ChunkHeader header, out int length))
                    {
                        input = input.Slice(length);
                        Begin(header, output);
                    }
                    else
                    {
                        // An incomplete header is shorter than the longest header, so it fits.
                        input.CopyTo(_header);
                        _headerFilled = input.Length;
                        input = ReadOnlySpan<byte>.Empty;
                    }

                    continue;
                }

                int previous = _headerFilled;
                int take = Math.Min(MaxHeaderLength - previous, input.Length);
                input.Slice(0, take).CopyTo(_header.AsSpan(previous));
                if (!TryReadHeader(_header.AsSpan(0, previous + take), out ChunkHeader pending, out int pendingLength))
                {
                    _headerFilled = previous + take;
                    input = input.Slice(take);
                    continue;
                }

                _headerFilled = 0;
                if (pendingLength >= previous)
                {
                    input = input.Slice(pendingLength - previous);
                    Begin(pending, output);
                }
                else
                {
                    // The header ended inside the bytes kept from the last call: the 4 bytes looked at for
                    // an omitted extended timestamp were payload. Feed the kept rest before the new input.
                    byte[] kept = _header.AsSpan(pendingLength, previous - pendingLength).ToArray();
                    Begin(pending, output);
                    Process(kept, output);
                }
            }
        }

        private ReadOnlySpan<byte> ReadPayload(ReadOnlySpan<byte> input, ICollection<RtmpMessage> output)
        {
            InboundChunkStream stream = _current!;
            int count = Math.Min(_chunkRemaining, input.Length);
            byte[] payload = stream.Payload!;
            if (stream.Received + count > payload.Length)
            {
                // Grows with what arrived, so a header that announces 8 MiB costs 8 MiB only once
                // the peer has really sent it; the last step lands on the exact message length.
                int grown = Math.Min(stream.MessageLength, Math.Max(payload.Length * 2, stream.Received + count));
                byte[] larger = stream.PayloadRented ? MediaArrayPool.Media.Rent(grown) : new byte[grown];
                payload.AsSpan(0, stream.Received).CopyTo(larger);
                if (stream.PayloadRented)
                {
                    MediaArrayPool.Media.Return(payload);
                }

                Interlocked.Add(ref _pendingBytes, larger.Length - payload.Length);
                payload = larger;
                stream.Payload = payload;
            }

            input.Slice(0, count).CopyTo(payload.AsSpan(stream.Received));
            stream.Received += count;
            _chunkRemaining -= count;
            if (_chunkRemaining == 0)
            {
                EndChunk(stream, output);
            }

            return input.Slice(count);
        }

        private bool TryReadHeader(ReadOnlySpan<byte> data, out ChunkHeader header, out int length)
        {
            header = default;
            length = 0;
            if (data.IsEmpty)
            {
                return false;
            }

            int format = data[0] >> 6;
            int chunkStreamId = data[0] & 0x3F;
            int position = 1;
            if (chunkStreamId == 0)
            {
                if (data.Length < 2)
                {
                    return false;
                }

                chunkStreamId = 64 + data[1];
                position = 2;
            }
            else if (chunkStreamId == 1)
            {
                if (data.Length < 3)
                {
                    return false;
                }

                chunkStreamId = 64 + data[1] + (data[2] << 8);
                position = 3;
            }

            _streams.TryGetValue(chunkStreamId, out InboundChunkStream? stream);
            if (format != 0 && stream is null)
            {
                throw new RtmpProtocolException($"Chunk stream {chunkStreamId} continues a message it never started.");
            }

            if (format != 3 && stream != null && stream.InProgress)
            {
                throw new RtmpProtocolException($"Chunk stream {chunkStreamId} starts a new message (fmt {format}) while {stream.MessageLength - stream.Received} bytes of the last one are missing.");
            }

            if (stream is null && _streams.Count >= _limits.MaxChunkStreams)
            {
                throw new RtmpProtocolException($"The peer opened more than {_limits.MaxChunkStreams} chunk streams.");
            }

            if (format == 3)
            {
                return TryReadFormat3(data, position, chunkStreamId, stream!, out header, out length);
            }

            int messageHeaderLength = format == 0 ? 11 : format == 1 ? 7 : 3;
            if (data.Length < position + messageHeaderLength)
            {
                return false;
            }

            ReadOnlySpan<byte> fields = data.Slice(position);
            uint timestamp = ReadUInt24(fields);
            int messageLength = stream?.MessageLength ?? 0;
            MessageType messageType = stream?.MessageType ?? 0;
            uint messageStreamId = stream?.MessageStreamId ?? 0;
            if (format <= 1)
            {
                messageLength = (int)ReadUInt24(fields.Slice(3));
                messageType = (MessageType)fields[6];
                if (messageLength > _limits.MaxMessageSize)
                {
                    throw new RtmpProtocolException($"Chunk stream {chunkStreamId} announces a message of {messageLength} bytes; the limit is {_limits.MaxMessageSize}.");
                }
            }

            if (format == 0)
            {
                // The only little-endian field in RTMP (§5.3.1.2.1).
                messageStreamId = BinaryPrimitives.ReadUInt32LittleEndian(fields.Slice(7));
            }

            position += messageHeaderLength;
            bool extended = timestamp == NoExtendedTimestamp;
            if (extended)
            {
                if (data.Length < position + 4)
                {
                    return false;
                }

                timestamp = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position));
                position += 4;
            }

            header = new ChunkHeader(format, chunkStreamId, timestamp, extended, messageLength, messageType, messageStreamId);
            length = position;
            return true;
        }

        private static bool TryReadFormat3(ReadOnlySpan<byte> data, int position, int chunkStreamId, InboundChunkStream stream, out ChunkHeader header, out int length)
        {
            header = default;
            length = 0;
            uint field = stream.TimestampDelta;
            bool extended = false;
            if (stream.HasExtendedTimestamp)
            {
                if (data.Length < position + 4)
                {
                    return false;
                }

                uint next = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position));
                if (!stream.InProgress)
                {
                    field = next;
                    extended = true;
                    position += 4;
                }
                else if (next == stream.ExtendedTimestamp)
                {
                    extended = true;
                    position += 4;
                }
            }

            header = new ChunkHeader(3, chunkStreamId, field, extended, stream.MessageLength, stream.MessageType, stream.MessageStreamId);
            length = position;
            return true;
        }

        private void Begin(ChunkHeader header, ICollection<RtmpMessage> output)
        {
            if (!_streams.TryGetValue(header.ChunkStreamId, out InboundChunkStream? stream))
            {
                stream = new InboundChunkStream();
                _streams.Add(header.ChunkStreamId, stream);
            }

            switch (header.Format)
            {
                case 0:
                    stream.Timestamp = header.TimestampField;
                    stream.TimestampDelta = header.TimestampField;
                    break;
                case 1:
                case 2:
                    stream.TimestampDelta = header.TimestampField;
                    stream.Timestamp = unchecked(stream.Timestamp + header.TimestampField);
                    break;
                default:
                    if (!stream.InProgress)
                    {
                        stream.TimestampDelta = header.TimestampField;
                        stream.Timestamp = unchecked(stream.Timestamp + header.TimestampField);
                    }

                    break;
            }

            if (header.Format != 3)
            {
                stream.MessageLength = header.MessageLength;
                stream.MessageType = header.MessageType;
                stream.MessageStreamId = header.MessageStreamId;
                stream.HasExtendedTimestamp = header.Extended;
                stream.ExtendedTimestamp = header.TimestampField;
            }
            else if (header.Extended && !stream.InProgress)
            {
                stream.ExtendedTimestamp = header.TimestampField;
            }

            if (!stream.InProgress)
            {
                // Limit checked when the header was read. Small messages get their exact buffer at once;
                // large ones start at InitialPayloadCapacity and grow as bytes arrive.
                int capacity = Math.Min(stream.MessageLength, InitialPayloadCapacity);
                stream.PayloadRented = PooledPayloads && capacity > 0 && stream.MessageLength <= MaxPooledPayload
                    && (stream.MessageType == MessageType.Audio || stream.MessageType == MessageType.Video);
                stream.Payload = capacity == 0 ? Array.Empty<byte>() : stream.PayloadRented ? MediaArrayPool.Media.Rent(capacity) : new byte[capacity];
                Interlocked.Add(ref _pendingBytes, stream.Payload.Length);
                stream.Received = 0;
            }

            _current = stream;
            _chunkRemaining = Math.Min(ChunkSize, stream.MessageLength - stream.Received);
            if (_chunkRemaining == 0)
            {
                EndChunk(stream, output);
            }
        }

        private void EndChunk(InboundChunkStream stream, ICollection<RtmpMessage> output)
        {
            _current = null;
            if (stream.Received < stream.MessageLength)
            {
                return;
            }

            byte[] payload = stream.Payload!;
            Interlocked.Add(ref _pendingBytes, -payload.Length);
            stream.Payload = null;
            stream.Received = 0;
            var message = new RtmpMessage(stream.MessageType, stream.Timestamp, stream.MessageStreamId, new ReadOnlyMemory<byte>(payload, 0, stream.MessageLength));
            if (stream.PayloadRented)
            {
                message.Rented = payload;
            }

            Apply(message);
            output.Add(message);
        }

        private void Apply(RtmpMessage message)
        {
            if (message.Type == MessageType.SetChunkSize)
            {
                int size = ProtocolControl.ReadSetChunkSize(message.Payload.Span);
                if (size > _limits.MaxChunkSize)
                {
                    throw new RtmpProtocolException($"Set Chunk Size of {size} exceeds the limit of {_limits.MaxChunkSize}.");
                }

                ChunkSize = size;
            }
            else if (message.Type == MessageType.Abort)
            {
                uint chunkStreamId = ProtocolControl.ReadUInt32(message.Payload.Span);
                if (chunkStreamId <= ChunkStreamIds.Max && _streams.TryGetValue((int)chunkStreamId, out InboundChunkStream? aborted))
                {
                    Interlocked.Add(ref _pendingBytes, -(aborted.Payload?.Length ?? 0));
                    if (aborted.PayloadRented && aborted.Payload != null)
                    {
                        MediaArrayPool.Media.Return(aborted.Payload);
                    }

                    aborted.Payload = null;
                    aborted.Received = 0;
                }
            }
        }

        private static uint ReadUInt24(ReadOnlySpan<byte> data) => (uint)((data[0] << 16) | (data[1] << 8) | data[2]);
    }
}
