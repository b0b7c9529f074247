using System;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Rtsp.Sdp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class SessionDescriptionTests
{
    private static readonly byte[] Sps = { 0x67, 0x64, 0x00, 0x1F, 0xAC };
    private static readonly byte[] Pps = { 0x68, 0xEB, 0xE3 };

    [Fact]
    public void A_path_is_described_by_session_lines_then_its_tracks_in_order()
    {
        var video = H264MediaDescription.Write(96, Sps, Pps, control: "trackID=0");
        var audio = AacMediaDescription.Write(97, AudioSpecificConfig.Create(2, 48000, 2), control: "trackID=1");

        var sdp = SessionDescription.Write("live/cam1", 3920212345, new[] { video, audio });

        Assert.Equal(
            "v=0\r\no=- 3920212345 3920212345 IN IP4 0.0.0.0\r\ns=live/cam1\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=tool:rtmpx\r\na=range:npt=0-\r\n" + video + audio,
            sdp);
    }

    [Fact]
    public void A_name_that_would_end_its_line_an_empty_session_or_a_malformed_section_is_refused()
    {
        var video = H264MediaDescription.Write(96, Sps, Pps);
        Assert.Throws<ArgumentException>(() => SessionDescription.Write("live/a\r\nm=evil", 1, new[] { video }));
        Assert.Throws<ArgumentException>(() => SessionDescription.Write("live/a", 1, Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => SessionDescription.Write("live/a", 1, new[] { "a=control:x\r\n" }));
        Assert.Throws<ArgumentException>(() => SessionDescription.Write("live/a", 1, new[] { video }, connectionAddress: "::1"));
    }
}
