using System;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Runtime;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Bench;

// The monitor is pointed at this test process: collections forced inside the window must be
// counted with their pauses. Other tests of the run may collect too, so counts are lower bounds.
public sealed class GcPauseMonitorTests
{
    [Fact]
    public async Task Counts_the_collections_forced_inside_the_window_with_their_pauses()
    {
        await using var monitor = GcPauseMonitor.TryStart(Environment.ProcessId);
        Assert.NotNull(monitor);

        monitor!.Open();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        monitor.Close();

        var summary = await monitor.StopAsync();

        Assert.True(summary.Gen2 >= 2, $"gen2 collections counted: {summary.Gen2}");
        Assert.True(summary.Gen0 >= 1, $"gen0 collections counted: {summary.Gen0}");
        Assert.True(summary.MaxPauseMs > 0, "a blocking full collection stops the threads for some time");
        // The gen0 collection's pause is told apart from the full ones', and the longest of all includes it.
        Assert.True(summary.MaxYoungPauseMs > 0, "the gen0 collection's pause");
        Assert.True(summary.MaxPauseMs >= summary.MaxYoungPauseMs);
    }

    [Fact]
    public void A_process_that_is_not_there_has_no_monitor()
    {
        Assert.Null(GcPauseMonitor.TryStart(int.MaxValue));
    }
}
