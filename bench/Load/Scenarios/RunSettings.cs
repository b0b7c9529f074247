using System;

namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>How long to measure and how to pace setup.</summary>
internal sealed record RunSettings
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time after every client is up before the window opens, so joins and GOP bursts are not measured.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Players connecting at the same time during ramp-up.</summary>
    public int ConnectBatch { get; init; } = 50;

    /// <summary>The GOP of the generated media (-g 60 at 30 fps).</summary>
    public TimeSpan Gop { get; init; } = TimeSpan.FromSeconds(2);
}
