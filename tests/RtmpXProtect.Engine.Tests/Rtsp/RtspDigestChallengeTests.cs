using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

/// <summary>Digest answers checked against the worked examples of the RFCs, and the choices a client makes among challenges.</summary>
public sealed class RtspDigestChallengeTests
{
    private static string Field(string authorization, string name)
    {
        var part = authorization.Substring("Digest ".Length).Split(", ").Single(p => p.StartsWith(name + "="));
        return part.Substring(name.Length + 1).Trim('"');
    }

    [Fact]
    public void Qop_auth_with_md5_gives_the_response_of_rfc_2617_section_3_5()
    {
        var challenge = RtspDigestChallenge.Read("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")!;

        var authorization = challenge.Authorization("Mufasa", Encoding.UTF8.GetBytes("Circle Of Life"), "GET", "/dir/index.html", "0a4f113b", 1);

        Assert.Equal("6629fae49393a05397450978507c4ef1", Field(authorization, "response"));
        Assert.Equal("00000001", Field(authorization, "nc"));
        Assert.Equal("auth", Field(authorization, "qop"));
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", Field(authorization, "opaque"));
        Assert.DoesNotContain("algorithm", authorization);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Both_algorithms_give_the_responses_of_rfc_7616_section_3_9_1(string algorithm, string expected)
    {
        var challenge = RtspDigestChallenge.Read($"Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")!;

        var authorization = challenge.Authorization("Mufasa", Encoding.UTF8.GetBytes("Circle of Life"), "GET", "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1);

        Assert.Equal(expected, Field(authorization, "response"));
        Assert.Equal(algorithm, Field(authorization, "algorithm"));
    }

    [Fact]
    public void Without_qop_the_answer_is_rfc_2069s_and_the_server_side_accepts_it()
    {
        var challenge = RtspDigestChallenge.Read("Digest realm=\"cam\", nonce=\"abc\"")!;

        var authorization = challenge.Authorization("viewer", Encoding.UTF8.GetBytes("pw"), "DESCRIBE", "rtsp://h/s", "ignored", 1);

        Assert.True(RtspDigest.Parse(authorization)!.Matches("DESCRIBE", "cam", Encoding.UTF8.GetBytes("pw")));
        Assert.DoesNotContain("cnonce", authorization);
        Assert.DoesNotContain("nc=", authorization);
    }

    [Theory]
    [InlineData("Basic realm=\"cam\"")]
    [InlineData("Digest realm=\"cam\"")]
    [InlineData("Digest realm=\"cam\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"cam\", nonce=\"n\", qop=\"auth-int\"")]
    [InlineData("Digest realm=\"cam, nonce=\"n")]
    [InlineData(null)]
    public void A_challenge_this_client_cannot_answer_is_none(string? header)
    {
        Assert.Null(RtspDigestChallenge.Read(header));
    }

    [Fact]
    public void A_client_prefers_sha_256_counts_its_requests_and_starts_again_at_a_new_nonce()
    {
        var session = new RtspClientSession("viewer", "pw");
        var headers = new RtspHeaders().Add("CSeq", "1")
            .Add("WWW-Authenticate", "Digest realm=\"cam\", nonce=\"n1\", qop=\"auth\", algorithm=MD5")
            .Add("WWW-Authenticate", "Digest realm=\"cam\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256");
        Assert.True(session.TakeChallenge(new RtspResponse(401, "Unauthorized", headers)));

        var first = session.Request("DESCRIBE", "rtsp://h/s").Headers.Get("Authorization")!;
        var second = session.Request("SETUP", "rtsp://h/s/track1").Headers.Get("Authorization")!;

        Assert.Equal("SHA-256", Field(first, "algorithm"));
        Assert.Equal(64, Field(first, "response").Length);
        Assert.Equal(("00000001", "00000002"), (Field(first, "nc"), Field(second, "nc")));
        Assert.Equal(Field(first, "cnonce"), Field(second, "cnonce"));

        // A stale nonce replaced by a new one is answered again, counting from 1.
        var stale = new RtspHeaders().Add("CSeq", "3").Add("WWW-Authenticate", "Digest realm=\"cam\", nonce=\"n2\", qop=\"auth\", algorithm=SHA-256, stale=true");
        Assert.True(session.TakeChallenge(new RtspResponse(401, "Unauthorized", stale)));
        Assert.Equal("00000001", Field(session.Request("DESCRIBE", "rtsp://h/s").Headers.Get("Authorization")!, "nc"));
    }
}
