namespace RtmpXProtect.Interop.Tests.Bench;

/// <summary>A scanned message kept for comparison (the scanner's ref struct cannot be stored).</summary>
internal sealed record ScannedRecord(byte Type, uint Timestamp, int Length, uint StreamId, string Head);
