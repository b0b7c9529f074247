namespace RtmpXProtect.Bench.Load.Wire;

/// <summary>Receives each message the scanner completes, in wire order.</summary>
internal interface IScannedMessageSink
{
    void OnMessage(in ScannedMessage message);
}
