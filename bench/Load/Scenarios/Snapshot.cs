using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RtmpXProtect.Bench.Load.Players;
using RtmpXProtect.Bench.Load.Publishing;
using RtmpXProtect.Bench.Load.Servers;

namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>Counters read at one edge of the measured window.</summary>
internal sealed record Snapshot(long Ticks, double ServerCpu, double OwnCpu, long[] PlayerBytes, long[] PlayerMedia, long[] PublisherMedia)
{
    public static Snapshot Take(int pid, IReadOnlyList<PlayerConnection> players, IReadOnlyList<LoopingPublisher> publishers)
    {
        var ticks = Stopwatch.GetTimestamp();
        var cpu = ProcessTree.CpuSeconds(pid);
        using var self = Process.GetCurrentProcess();
        return new Snapshot(
            ticks,
            cpu,
            self.TotalProcessorTime.TotalSeconds,
            players.Select(p => p.BytesReceived).ToArray(),
            players.Select(p => p.MediaBytes).ToArray(),
            publishers.Select(p => p.MediaBytesSent).ToArray());
    }
}
