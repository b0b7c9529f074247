using System;
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
        var runner = new ScenarioRunner(media, media, new RunSettings { Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.FromSeconds(1) });

        var result = await runner.RunAsync(Scenario.Latency(20), "rtmpx", server.Port, Environment.ProcessId);

        Assert.True(result.Note is null, result.Note);
        Assert.Equal(20, result.Clients);
        Assert.Equal(20, result.WithKeyframe);
        Assert.Equal(0, result.Disconnects);
        Assert.True(result.LatencySamples > 0, "no latency samples");
        Assert.True(result.Bytes > 0, "no bytes delivered");
    }
}
