using System;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspClientSessionTests
{
    private static RtspResponse Unauthorized(params string[] challenges)
    {
        var headers = new RtspHeaders().Add("CSeq", "1");
        foreach (var challenge in challenges)
        {
            headers.Add("WWW-Authenticate", challenge);
        }

        return new RtspResponse(401, "Unauthorized", headers);
    }

    [Fact]
    public void Requests_are_numbered_and_carry_the_session_once_setup_gave_it()
    {
        var session = new RtspClientSession(null, null);
        Assert.Equal("1", session.Request("DESCRIBE", "rtsp://h/a").Headers.Get("CSeq"));
        Assert.Null(session.Request("SETUP", "rtsp://h/a/trackID=0").Headers.Get("Session"));

        session.TakeSession(new RtspResponse(200, "OK", new RtspHeaders().Add("Session", "ABCDEF12;timeout=30")));

        var play = session.Request("PLAY", "rtsp://h/a");
        Assert.Equal("3", play.Headers.Get("CSeq"));
        Assert.Equal("ABCDEF12", play.Headers.Get("Session"));
        Assert.Equal(TimeSpan.FromSeconds(30), session.Timeout);
    }

    [Fact]
    public void A_digest_challenge_is_answered_on_every_later_request_and_the_server_side_accepts_it()
    {
        var session = new RtspClientSession("viewer", "play key");
        Assert.True(session.TakeChallenge(Unauthorized("Digest realm=\"rtmpx\", nonce=\"n-1\", algorithm=MD5", "Basic realm=\"rtmpx\"")));

        var request = session.Request("DESCRIBE", "rtsp://h/live/cam");
        var digest = RtspDigest.Parse(request.Headers.Get("Authorization"))!;

        Assert.True(digest.Matches("DESCRIBE", "rtmpx", Encoding.UTF8.GetBytes("play key")));
        Assert.Equal("n-1", digest.Nonce);

        // The same challenge again means the credentials are wrong: no second try.
        Assert.False(session.TakeChallenge(Unauthorized("Digest realm=\"rtmpx\", nonce=\"n-1\"")));
    }

    [Fact]
    public void A_basic_challenge_sends_the_user_and_password_and_none_are_sent_without_credentials()
    {
        var session = new RtspClientSession("camera", "se cret");
        Assert.True(session.TakeChallenge(Unauthorized("Basic realm=\"cam\"")));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("camera:se cret")), session.Request("DESCRIBE", "rtsp://h/x").Headers.Get("Authorization"));
        Assert.False(session.TakeChallenge(Unauthorized("Basic realm=\"cam\"")));

        var anonymous = new RtspClientSession(null, null);
        Assert.False(anonymous.TakeChallenge(Unauthorized("Basic realm=\"cam\"")));
        Assert.Null(anonymous.Request("DESCRIBE", "rtsp://h/x").Headers.Get("Authorization"));
    }

    [Theory]
    [InlineData("ABC;timeout=1")]
    [InlineData("ABC;timeout=abc")]
    [InlineData("ABC;timeout=99999")]
    public void An_implausible_session_timeout_keeps_the_default(string header)
    {
        var session = new RtspClientSession(null, null);
        session.TakeSession(new RtspResponse(200, "OK", new RtspHeaders().Add("Session", header)));
        Assert.Equal("ABC", session.SessionId);
        Assert.Equal(TimeSpan.FromSeconds(60), session.Timeout);
    }
}
