using RtmpXProtect.Bench.Load.Players;
using RtmpXProtect.Bench.Load.Publishing;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Bench;

public sealed class LatencyMatcherTests
{
    [Fact]
    public void Learns_a_rebased_timestamp_offset_from_message_lengths()
    {
        var log = new SendLog();
        for (uint i = 0; i < 10; i++)
        {
            log.Record(5000 + (i * 33), 1000 + (int)i, 100 + i);
        }

        var matcher = new LatencyMatcher(log);

        // A server that starts each player at 0, as nginx-rtmp does without atc.
        Assert.False(matcher.TryMatch(0, 1003, out _));
        Assert.False(matcher.TryMatch(33, 1004, out _));
        Assert.True(matcher.TryMatch(66, 1005, out var sent));
        Assert.Equal(105, sent);
        Assert.True(matcher.TryMatch(99, 99999, out sent));
        Assert.Equal(106, sent);
    }

    [Fact]
    public void Starts_over_when_lengths_disagree()
    {
        var log = new SendLog();
        log.Record(100, 500, 1);
        log.Record(133, 600, 2);
        log.Record(166, 700, 3);
        var matcher = new LatencyMatcher(log);

        Assert.False(matcher.TryMatch(100, 500, out _));
        Assert.False(matcher.TryMatch(140, 600, out _));
        Assert.False(matcher.TryMatch(166, 700, out _));
    }
}
