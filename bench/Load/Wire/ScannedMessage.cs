using System;

namespace RtmpXProtect.Bench.Load.Wire;

/// <summary>
/// One complete RTMP message as the scanner saw it go by: its header fields and only the first
/// bytes of its body, because a player needs the frame type, not the frame.
/// </summary>
internal readonly ref struct ScannedMessage
{
    public ScannedMessage(byte type, uint timestamp, int length, uint streamId, ReadOnlySpan<byte> head)
    {
        Type = type;
        Timestamp = timestamp;
        Length = length;
        StreamId = streamId;
        Head = head;
    }

    public byte Type { get; }

    public uint Timestamp { get; }

    public int Length { get; }

    public uint StreamId { get; }

    /// <summary>The first <see cref="ChunkScanner.HeadLength"/> bytes of the body (fewer if the body is shorter).</summary>
    public ReadOnlySpan<byte> Head { get; }
}
