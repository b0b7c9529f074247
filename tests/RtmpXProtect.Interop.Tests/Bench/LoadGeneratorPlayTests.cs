using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Publishing;
using RtmpXProtect.Bench.Load.Scenarios;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Bench;

/// <summary>A test of the load generator itself against rtmpx: no figures are judged, only that it measures.</summary>
public sealed class LoadGeneratorPlayTests
{
    [PeerFact("ffmpeg", "nginx", "node")]
    public async Task Twenty_players_get_keyframes_and_latency_samples_without_disconnects()
    {
        using var temp = new TempDirectory();
        var media = MediaFile.Load(await MediaCache.EnsureAsync(temp.Path, 300, seconds: 4, width: 320, height: 240));
        await using var server = new InProcessServer();
        var runner = new ScenarioRunner(new Dictionary<int, MediaFile> { [2000] = media }, new RunSettings { Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.FromSeconds(1) });

        var result = await runner.RunAsync(Scenario.Latency(20), "rtmpx", server.Port, Environment.ProcessId);

        Assert.True(result.Note is null, result.Note);
        Assert.Equal(20, result.Clients);
        Assert.Equal(20, result.WithKeyframe);
        Assert.Equal(0, result.Disconnects);
        Assert.True(result.LatencySamples > 0, "no latency samples");
        Assert.True(result.Bytes > 0, "no bytes delivered");
    }

    [PeerFact("ffmpeg")]
    public async Task A_soak_keeps_its_players_joining_and_leaving_and_measures_memory_twice()
    {
        using var temp = new TempDirectory();
        var media = MediaFile.Load(await MediaCache.EnsureAsync(temp.Path, 300, seconds: 4, width: 320, height: 240));
        await using var server = new InProcessServer();
        var runner = new ScenarioRunner(new Dictionary<int, MediaFile> { [2000] = media }, new RunSettings { Duration = TimeSpan.FromSeconds(4), Warmup = TimeSpan.FromSeconds(1), FanOutReceiveLowWater = 0 });

        var result = await runner.RunAsync(Scenario.Soak(players: 5, connects: 40), "rtmpx", server.Port, Environment.ProcessId);

        Assert.True(result.Note is null, result.Note);
        Assert.Equal(0, result.Disconnects);
        // Five at a time staying half a second on average over four seconds: about forty joins.
        Assert.InRange(result.Clients, 25, 60);
        Assert.True(result.WarmRssMiB > 0 && result.EndRssMiB > 0, "memory was not measured at both points");
        Assert.True(result.Bytes > 0, "no bytes delivered");
    }
}
