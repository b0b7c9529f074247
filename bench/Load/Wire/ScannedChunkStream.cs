namespace RtmpXProtect.Bench.Load.Wire;

/// <summary>What the scanner remembers per chunk stream: the last header and the message in flight.</summary>
internal sealed class ScannedChunkStream
{
    public uint Timestamp;
    public uint Delta;
    public int Length;
    public byte Type;
    public uint StreamId;
    public bool Extended;
    public uint ExtendedValue;
    public int Remaining;
    public readonly byte[] Head = new byte[ChunkScanner.HeadLength];
    public int HeadCount;
}
