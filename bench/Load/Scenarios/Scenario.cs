namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>One row of the benchmark: a kind of load and its size.</summary>
internal sealed record Scenario(string Name, ScenarioKind Kind, int Players, int Publishers)
{
    public static Scenario FanOut(int players) => new($"fan-out {players}", ScenarioKind.FanOut, players, 1);

    public static Scenario Ingest(int publishers) => new($"ingest {publishers}", ScenarioKind.Ingest, 0, publishers);

    public static Scenario Latency(int players) => new($"latency {players}", ScenarioKind.Latency, players, 1);

    public static Scenario Join(int players) => new($"join {players}", ScenarioKind.Join, players, 1);
}
