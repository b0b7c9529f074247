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

    /// <summary>
    /// SO_RCVLOWAT of fan-out players once playing (0: wake on every byte). Keeps the load generator's
    /// CPU small next to the server's at 1000 players; latency and join players never use it.
    /// </summary>
    public int FanOutReceiveLowWater { get; init; } = 16 * 1024;

    /// <summary>The GOP of the generated media (-g 60 at 30 fps).</summary>
    public TimeSpan Gop { get; init; } = TimeSpan.FromSeconds(2);
}
