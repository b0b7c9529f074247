namespace RtmpXProtect.Bench.Load.Players;

/// <summary>Where a player or publisher connects: rtmp://Host:Port/App/Stream.</summary>
internal sealed record StreamTarget(string Host, int Port, string App, string Stream)
{
    public string TcUrl => $"rtmp://{Host}:{Port}/{App}";

    public override string ToString() => $"{TcUrl}/{Stream}";
}
