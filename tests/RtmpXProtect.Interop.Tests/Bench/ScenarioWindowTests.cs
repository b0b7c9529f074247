using System;
using RtmpXProtect.Bench.Load.Scenarios;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Bench;

public sealed class ScenarioWindowTests
{
    [Fact]
    public void A_minimum_window_outlasts_a_shorter_duration_and_yields_to_a_longer_one()
    {
        var latency = Scenario.Latency(50) with { MinimumWindow = TimeSpan.FromSeconds(60) };
        Assert.Equal(TimeSpan.FromSeconds(60), latency.Window(new RunSettings { Duration = TimeSpan.FromSeconds(15) }));
        Assert.Equal(TimeSpan.FromSeconds(90), latency.Window(new RunSettings { Duration = TimeSpan.FromSeconds(90) }));
        Assert.Equal(TimeSpan.FromSeconds(15), Scenario.FanOut(1000).Window(new RunSettings { Duration = TimeSpan.FromSeconds(15) }));
    }
}
