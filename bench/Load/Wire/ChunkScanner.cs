using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Bench.Load.Wire;

/// <summary>
/// Finds RTMP message boundaries, timestamps and the first bytes of each body in a chunk stream
/// from the server, without assembling payloads: a player of a 2 Mbps stream then costs a header
/// parse per chunk instead of a copy per byte, which keeps the load generator small next to the
/// server it measures. Same header rules as the engine's ChunkDecoder (RTMP 1.0 §5.3.1, FFmpeg's
/// fmt 3 delta after fmt 0, extended timestamps on fmt 3 chunks only when repeated).
/// </summary>
internal sealed class ChunkScanner
{
    /// <summary>Enough for a user control event (6), a window size (4) and a video tag header (5).</summary>
    public const int HeadLength = 16;

    private const uint NoExtendedTimestamp = 0xFFFFFF;
    private const byte SetChunkSizeType = 1;
    private const byte AbortType = 2;

    private readonly WireLimits _limits;
    private readonly Dictionary<int, ScannedChunkStream> _streams = new();
    private ScannedChunkStream? _current;
    private int _chunkLeft;

    public ChunkScanner(WireLimits? limits = null)
    {
        _limits = limits ?? WireLimits.Default;
    }

    /// <summary>The server's chunk size, as its Set Chunk Size messages changed it.</summary>
    public int ChunkSize { get; private set; } = 128;

    /// <summary>
    /// Scans as much of <paramref name="input"/> as it can and returns how many bytes it used. What
    /// is left is an incomplete chunk header (at most 18 bytes): hand it back, with more bytes behind it.
    /// </summary>
    /// <exception cref="RtmpProtocolException">The bytes break the chunk rules or a wire limit.</exception>
    public int Scan(ReadOnlySpan<byte> input, IScannedMessageSink sink)
    {
        var position = 0;
        while (true)
        {
            if (_chunkLeft > 0)
            {
                var stream = _current!;
                var count = Math.Min(_chunkLeft, input.Length - position);
                if (stream.HeadCount < HeadLength)
                {
                    var take = Math.Min(count, HeadLength - stream.HeadCount);
                    input.Slice(position, take).CopyTo(stream.Head.AsSpan(stream.HeadCount));
                    stream.HeadCount += take;
                }

                position += count;
                _chunkLeft -= count;
                stream.Remaining -= count;
                if (stream.Remaining == 0)
                {
                    Complete(stream, sink);
                }

                if (_chunkLeft > 0)
                {
                    return position;
                }

                continue;
            }

            var used = ReadHeader(input.Slice(position), sink);
            if (used == 0)
            {
                return position;
            }

            position += used;
        }
    }

    private int ReadHeader(ReadOnlySpan<byte> input, IScannedMessageSink sink)
    {
        if (input.Length == 0)
        {
            return 0;
        }

        var format = input[0] >> 6;
        var id = input[0] & 0x3F;
        var length = 1;
        if (id == 0)
        {
            if (input.Length < 2)
            {
                return 0;
            }

            id = 64 + input[1];
            length = 2;
        }
        else if (id == 1)
        {
            if (input.Length < 3)
            {
                return 0;
            }

            id = 64 + input[1] + (input[2] << 8);
            length = 3;
        }

        var fields = format == 0 ? 11 : format == 1 ? 7 : format == 2 ? 3 : 0;
        if (input.Length < length + fields)
        {
            return 0;
        }

        var header = input.Slice(length, fields);
        length += fields;
        if (!_streams.TryGetValue(id, out var stream))
        {
            if (format == 3)
            {
                throw new RtmpProtocolException($"Chunk stream {id} continues a message it never started.");
            }

            if (_streams.Count >= _limits.MaxChunkStreams)
            {
                throw new RtmpProtocolException($"The server opened more than {_limits.MaxChunkStreams} chunk streams.");
            }

            stream = new ScannedChunkStream();
            _streams.Add(id, stream);
        }

        var starts = stream.Remaining == 0;
        if (!starts && format != 3)
        {
            throw new RtmpProtocolException($"Chunk stream {id} starts a new message (fmt {format}) while {stream.Remaining} bytes of the last one are missing.");
        }

        if (format <= 2)
        {
            var field = ReadUInt24(header);
            var extended = field == NoExtendedTimestamp;
            if (extended)
            {
                if (input.Length < length + 4)
                {
                    return 0;
                }

                field = BinaryPrimitives.ReadUInt32BigEndian(input.Slice(length));
                length += 4;
            }

            if (format <= 1)
            {
                var messageLength = (int)ReadUInt24(header.Slice(3));
                if (messageLength > _limits.MaxMessageSize)
                {
                    throw new RtmpProtocolException($"Chunk stream {id} announces a message of {messageLength} bytes; the limit is {_limits.MaxMessageSize}.");
                }

                stream.Length = messageLength;
                stream.Type = header[6];
            }

            if (format == 0)
            {
                stream.StreamId = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(7));
                stream.Timestamp = field;
            }
            else
            {
                stream.Timestamp = unchecked(stream.Timestamp + field);
            }

            // After fmt 0 the delta a fmt 3 message reuses is the timestamp itself, as FFmpeg has it.
            stream.Delta = field;
            stream.Extended = extended;
            stream.ExtendedValue = field;
        }
        else if (starts)
        {
            if (stream.Extended)
            {
                if (input.Length < length + 4)
                {
                    return 0;
                }

                stream.Delta = BinaryPrimitives.ReadUInt32BigEndian(input.Slice(length));
                stream.ExtendedValue = stream.Delta;
                length += 4;
            }

            stream.Timestamp = unchecked(stream.Timestamp + stream.Delta);
        }
        else if (stream.Extended)
        {
            // Continuation chunks repeat the extended timestamp by the spec, but some peers omit
            // it: take the four bytes only when they are that value.
            if (input.Length < length + 4)
            {
                return 0;
            }

            if (BinaryPrimitives.ReadUInt32BigEndian(input.Slice(length)) == stream.ExtendedValue)
            {
                length += 4;
            }
        }

        if (starts)
        {
            stream.Remaining = stream.Length;
            stream.HeadCount = 0;
            if (stream.Length == 0)
            {
                Complete(stream, sink);
                return length;
            }
        }

        _current = stream;
        _chunkLeft = Math.Min(ChunkSize, stream.Remaining);
        return length;
    }

    private void Complete(ScannedChunkStream stream, IScannedMessageSink sink)
    {
        var head = stream.Head.AsSpan(0, stream.HeadCount);
        if (stream.Type == SetChunkSizeType && stream.StreamId == 0)
        {
            if (head.Length < 4)
            {
                throw new RtmpProtocolException("Set Chunk Size message is shorter than 4 bytes.");
            }

            var size = (int)(BinaryPrimitives.ReadUInt32BigEndian(head) & 0x7FFFFFFF);
            if (size < 1 || size > _limits.MaxChunkSize)
            {
                throw new RtmpProtocolException($"Set Chunk Size of {size} is outside 1–{_limits.MaxChunkSize}.");
            }

            ChunkSize = size;
        }
        else if (stream.Type == AbortType && stream.StreamId == 0 && head.Length >= 4)
        {
            var aborted = (int)BinaryPrimitives.ReadUInt32BigEndian(head);
            if (_streams.TryGetValue(aborted, out var target) && target != stream)
            {
                if (_current == target)
                {
                    _chunkLeft = 0;
                }

                target.Remaining = 0;
            }
        }

        sink.OnMessage(new ScannedMessage(stream.Type, stream.Timestamp, stream.Length, stream.StreamId, head));
    }

    private static uint ReadUInt24(ReadOnlySpan<byte> bytes) => (uint)((bytes[0] << 16) | (bytes[1] << 8) | bytes[2]);
}
