using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspTargetTests
{
    [Theory]
    [InlineData("rtsp://host:8554/live/cam1", "live/cam1", "", null)]
    [InlineData("rtsp://host/live/cam1/", "live/cam1", "", null)]
    [InlineData("rtsps://host:8322/live/cam1/trackID=1", "live/cam1", "", 1)]
    [InlineData("RTSP://host/live/cam1?key=abc", "live/cam1", "key=abc", null)]
    [InlineData("rtsp://host/live/cam1/trackID=0?key=abc", "live/cam1", "key=abc", 0)]
    [InlineData("rtsp://host/live/cam1?key=abc/trackID=1", "live/cam1", "key=abc", 1)]
    [InlineData("/live/cam1/trackid=1", "live/cam1", "", 1)]
    [InlineData("rtsp://host", "", "", null)]
    [InlineData("*", "", "", null)]
    [InlineData("rtsp://host/a/b/c", "a/b/c", "", null)]
    [InlineData("rtsp://host/live/trackID=99", "live/trackID=99", "", null)]
    public void A_url_names_its_path_query_and_track(string uri, string path, string query, int? track)
    {
        var target = RtspTarget.Parse(uri)!;

        Assert.Equal(path, target.Path);
        Assert.Equal(query, target.Query);
        Assert.Equal(track, target.Track);
    }

    [Fact]
    public void The_path_splits_into_application_and_stream_as_rtmp_does()
    {
        var target = RtspTarget.Parse("rtsp://h/live/sub/cam")!;

        Assert.Equal("live", target.App);
        Assert.Equal("sub/cam", target.Stream);
        Assert.Equal(string.Empty, RtspTarget.Parse("rtsp://h/live")!.Stream);
    }

    [Theory]
    [InlineData("http://host/live/cam")]
    [InlineData("live/cam")]
    [InlineData("")]
    public void Anything_but_an_rtsp_url_or_an_absolute_path_is_refused(string uri)
    {
        Assert.Null(RtspTarget.Parse(uri));
    }
}
