using System;
using RtmpXProtect.Engine.Recording;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Recording;

public sealed class RecordingNamesTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 9, 5, 7, DateTimeKind.Utc);

    [Fact]
    public void The_default_pattern_makes_a_folder_per_path_and_a_name_from_the_utc_start_that_parses_back()
    {
        var start = Start.AddTicks(1234560);

        var name = RecordingNames.Expand(RecordingOptions.DefaultPattern, "live/cam1", start);

        Assert.Equal("live/cam1/2026-12-02_09-05-07-123456", name);
        Assert.True(RecordingNames.TryParse(RecordingOptions.DefaultPattern, name + ".mp4", out var path, out var parsed));
        Assert.Equal("live/cam1", path);
        Assert.Equal(start, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        Assert.True(RecordingNames.TryParse(RecordingOptions.DefaultPattern, name + "-2.flv", out path, out _), "a counter added for a taken name");
    }

    [Theory]
    [InlineData("../../etc/passwd", "_/_/etc/passwd")]
    [InlineData("live/cam 1?x=<y>", "live/cam_1_x__y_")]
    [InlineData("/live//cam1/", "live/cam1")]
    [InlineData("", "_")]
    public void A_path_never_climbs_out_of_the_folder_nor_brings_odd_characters(string path, string expected)
    {
        Assert.Equal(expected + "/2026", RecordingNames.Expand("%path/%Y", path, Start));
    }

    [Fact]
    public void Fields_percent_signs_and_other_text_expand_as_written()
    {
        Assert.Equal("rec-live_x-20261202T090507Z-100%", RecordingNames.Expand("rec-%path-%Y%m%dT%H%M%SZ-100%%", "live_x", Start));
        Assert.True(RecordingNames.TryParse("rec-%path-%Y%m%dT%H%M%SZ-100%%", "rec-live_x-20261202T090507Z-100%.mp4", out var path, out var start));
        Assert.Equal("live_x", path);
        Assert.Equal(Start, start);
    }

    [Theory]
    [InlineData("live/cam1/notes.txt")]
    [InlineData("live/cam1/2026-13-02_09-05-07-000000.mp4")]
    [InlineData("live/cam1/2026-12-02_09-05-07.mp4")]
    [InlineData("2026-12-02_09-05-07-000000.mp4")]
    public void Files_the_pattern_did_not_make_are_not_recordings(string name)
    {
        Assert.False(RecordingNames.TryParse(RecordingOptions.DefaultPattern, name, out _, out _));
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("%Y-%m-%d_%H-%M-%S", "lacks %path")]
    [InlineData("%path/%Y-%m-%d_%H-%M", "lacks %S")]
    [InlineData("/srv/%path/%Y-%m-%d_%H-%M-%S", "below the recording folder")]
    [InlineData("../%path/%Y-%m-%d_%H-%M-%S", "below the recording folder")]
    public void A_pattern_that_cannot_name_every_segment_apart_is_refused_with_the_reason(string? pattern, string reason)
    {
        Assert.Contains(reason, RecordingNames.Check(pattern));
    }

    [Fact]
    public void The_default_pattern_is_accepted()
    {
        Assert.Null(RecordingNames.Check(RecordingOptions.DefaultPattern));
    }
}
