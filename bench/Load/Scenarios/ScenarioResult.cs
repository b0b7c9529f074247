namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>What one run of a scenario against one server measured; NaN where a figure does not apply.</summary>
internal sealed record ScenarioResult
{
    public required string Server { get; init; }

    public required string Scenario { get; init; }

    public double WindowSeconds { get; init; }

    /// <summary>Server process tree utime + stime over the window.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>The load generator's own CPU over the same window.</summary>
    public double LoadgenCpuSeconds { get; init; }

    /// <summary>Bytes the players received (fan-out, latency, join) or the publishers sent (ingest) in the window.</summary>
    public double Bytes { get; init; }

    public double CpuSecondsPerGB => Bytes > 0 ? CpuSeconds / (Bytes / 1e9) : double.NaN;

    public double IdleRssMiB { get; init; }

    public double PeakRssMiB { get; init; }

    /// <summary>(peak - idle) per connected client, KiB.</summary>
    public double RssPerClientKiB { get; init; }

    /// <summary>Soak: RSS after the first tenth of the window (MiB).</summary>
    public double WarmRssMiB { get; init; } = double.NaN;

    /// <summary>Soak: RSS at the end of the window (MiB).</summary>
    public double EndRssMiB { get; init; } = double.NaN;

    /// <summary>Soak: end RSS over warm RSS.</summary>
    public double RssDrift => EndRssMiB / WarmRssMiB;

    public int Clients { get; init; }

    public int Disconnects { get; init; }

    /// <summary>Clients that moved at least 95 % of the expected media bytes in the window.</summary>
    public int FullRate { get; init; }

    /// <summary>Players that received a coded keyframe.</summary>
    public int WithKeyframe { get; init; }

    public double FirstKeyframeP50Ms { get; init; } = double.NaN;

    public double FirstKeyframeP99Ms { get; init; } = double.NaN;

    public double LatencyP50Ms { get; init; } = double.NaN;

    public double LatencyP99Ms { get; init; } = double.NaN;

    public double LatencyMaxMs { get; init; } = double.NaN;

    public int LatencySamples { get; init; }

    /// <summary>What the GC did in the window (a .NET server with EventPipe; null otherwise).</summary>
    public Runtime.GcSummary? Gc { get; init; }

    public string? Note { get; init; }
}
