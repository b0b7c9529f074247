using System;
using System.Collections.Generic;
using RtmpXProtect.Bench.Load.Wire;

namespace RtmpXProtect.Interop.Tests.Bench;

/// <summary>Keeps every message the scanner reports.</summary>
internal sealed class RecordingSink : IScannedMessageSink
{
    public List<ScannedRecord> Messages { get; } = new();

    public void OnMessage(in ScannedMessage message) =>
        Messages.Add(new ScannedRecord(message.Type, message.Timestamp, message.Length, message.StreamId, Convert.ToHexString(message.Head)));
}
