using RtmpXProtect.Engine.XProtect.Driver;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

public sealed class DriverTimelineTests
{
    private const long Now = 1_764_000_000_000;

    [Fact]
    public void Frames_follow_the_streams_times_from_the_first_arrival_whatever_the_network_jitter()
    {
        var timeline = new DriverTimeline();

        Assert.Equal((Now, Now + 80), timeline.Place(5000, 80, Now));
        Assert.Equal((Now + 40, Now + 40), timeline.Place(5040, 0, Now + 300)); // arrived late: still 40 ms on
        Assert.Equal((Now + 80, Now + 120), timeline.Place(5080, 40, Now + 60));
    }

    [Fact]
    public void A_clock_that_drifts_past_a_second_is_anchored_again_forward_only()
    {
        var timeline = new DriverTimeline();
        timeline.Place(0, 0, Now);

        // The publisher's clock ran 1.5 s behind the wall clock: the frame is placed now.
        Assert.Equal(Now + 3000, timeline.Place(1500, 0, Now + 3000).Decode);
        Assert.Equal(Now + 3040, timeline.Place(1540, 0, Now + 3050).Decode);

        // Its timestamps jump far ahead: placed at the wall clock again, never before the last.
        Assert.Equal(Now + 3100, timeline.Place(900_000, 0, Now + 3100).Decode);
    }

    [Fact]
    public void Times_never_go_back_across_a_restart_or_a_repeated_timestamp()
    {
        var timeline = new DriverTimeline();
        timeline.Place(10_000, 0, Now);
        Assert.Equal(Now + 1, timeline.Place(10_000, 0, Now).Decode);

        // A new publisher starts at 0 a moment later, arriving before the clock moved on.
        timeline.Restart();
        Assert.Equal(Now + 2, timeline.Place(0, 0, Now).Decode);
    }
}
