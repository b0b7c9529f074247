namespace RtmpXProtect.Bench.Load.Players;

/// <summary>Open while the scenario measures; players keep latency samples only then.</summary>
internal sealed class MeasurementWindow
{
    private volatile bool _open;

    public bool IsOpen => _open;

    public void Open() => _open = true;

    public void Close() => _open = false;
}
