namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>What a scenario puts on the server.</summary>
internal enum ScenarioKind
{
    /// <summary>One 2 Mbps publisher, many players.</summary>
    FanOut,

    /// <summary>Many 1 Mbps publishers, no players.</summary>
    Ingest,

    /// <summary>One publisher, a few players, publish-to-play latency.</summary>
    Latency,

    /// <summary>Players joining mid-GOP, time to the first keyframe.</summary>
    Join,

    /// <summary>Players joining and leaving for a long window: does memory come back to where it was.</summary>
    Soak,
}
