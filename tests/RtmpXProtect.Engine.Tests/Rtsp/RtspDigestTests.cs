using System.Text;
using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspDigestTests
{
    [Fact]
    public void The_rfc_2617_example_with_qop_auth_matches_its_password_only()
    {
        var digest = RtspDigest.Parse(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
            + "qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")!;

        Assert.Equal("Mufasa", digest.UserName);
        Assert.True(digest.Matches("GET", "testrealm@host.com", Encoding.UTF8.GetBytes("Circle Of Life")));
        Assert.False(digest.Matches("GET", "testrealm@host.com", Encoding.UTF8.GetBytes("Circle of Life")));
        Assert.False(digest.Matches("POST", "testrealm@host.com", Encoding.UTF8.GetBytes("Circle Of Life")));
        Assert.False(digest.Matches("GET", "other", Encoding.UTF8.GetBytes("Circle Of Life")));
    }

    [Fact]
    public void A_response_without_qop_as_cameras_send_it_matches_as_rfc_2069_computes_it()
    {
        var digest = RtspDigest.Parse("Digest username=\"viewer\", realm=\"rtmpx\", nonce=\"abc123\", uri=\"rtsp://127.0.0.1:8554/live/cam\", response=\"5c901ece72575a8a828007225c323331\"")!;

        Assert.Equal("rtsp://127.0.0.1:8554/live/cam", digest.Uri);
        Assert.Equal("abc123", digest.Nonce);
        Assert.True(digest.Matches("DESCRIBE", "rtmpx", Encoding.UTF8.GetBytes("play-key")));
        Assert.False(digest.Matches("SETUP", "rtmpx", Encoding.UTF8.GetBytes("play-key")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Digest ")]
    [InlineData("Digest username=\"a\", nonce=\"n\"")]
    [InlineData("Digest username=\"a\", nonce=\"n\", response=\"short\"")]
    [InlineData("Digest username=\"a, nonce=\"n\", response=\"5c901ece72575a8a828007225c323331")]
    [InlineData("Digest =\"\"")]
    public void Missing_malformed_or_incomplete_credentials_are_none(string? header)
    {
        Assert.Null(RtspDigest.Parse(header));
    }

    [Fact]
    public void A_huge_header_is_refused_before_it_is_read()
    {
        Assert.Null(RtspDigest.Parse("Digest username=\"" + new string('a', 5000) + "\", nonce=\"n\", response=\"5c901ece72575a8a828007225c323331\""));
    }

    [Fact]
    public void The_challenge_names_the_realm_nonce_and_md5()
    {
        Assert.Equal("Digest realm=\"rtmpx\", nonce=\"n1\", algorithm=MD5", RtspDigest.Challenge("rtmpx", "n1"));
    }
}
