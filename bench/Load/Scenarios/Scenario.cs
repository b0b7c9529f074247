using System;

namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>One row of the benchmark: a kind of load, its size and the video bitrate of its media.</summary>
internal sealed record Scenario(string Name, ScenarioKind Kind, int Players, int Publishers, int VideoKbps)
{
    public static Scenario FanOut(int players, int videoKbps = 2000) =>
        new(videoKbps == 2000 ? $"fan-out {players}" : $"fan-out {players} at {videoKbps} kbps", ScenarioKind.FanOut, players, 1, videoKbps);

    public static Scenario Ingest(int publishers) => new($"ingest {publishers}", ScenarioKind.Ingest, 0, publishers, 1000);

    public static Scenario Latency(int players) => new($"latency {players}", ScenarioKind.Latency, players, 1, 2000);

    public static Scenario Join(int players) => new($"join {players}", ScenarioKind.Join, players, 1, 2000);

    /// <summary>Players joining and leaving one 2 Mbps stream for the whole window, <paramref name="connects"/> in all.</summary>
    public static Scenario Soak(int players, int connects) => new($"soak {players} players, {connects} connects", ScenarioKind.Soak, players, 1, 2000) { Connects = connects };

    /// <summary>Player connections a soak makes in all.</summary>
    public int Connects { get; init; }

    /// <summary>A window this scenario measures at the least, whatever --duration says (a target set over a longer time).</summary>
    public TimeSpan MinimumWindow { get; init; }

    /// <summary>How long this scenario measures with <paramref name="settings"/>.</summary>
    public TimeSpan Window(RunSettings settings) => settings.Duration > MinimumWindow ? settings.Duration : MinimumWindow;
}
