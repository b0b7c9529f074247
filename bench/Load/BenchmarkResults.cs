using System.Collections.Generic;
using RtmpXProtect.Bench.Load.Scenarios;

namespace RtmpXProtect.Bench.Load;

/// <summary>Every run of a benchmark, and the servers that could not take part.</summary>
internal sealed class BenchmarkResults
{
    public List<ScenarioResult> Runs { get; } = new();

    public Dictionary<string, string> Unavailable { get; } = new();

    public List<string> Failures { get; } = new();
}
