using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management;

public class PublishTokensTests
{
    private static readonly byte[] Secret = { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Fact]
    public void The_url_carries_a_signature_the_server_check_accepts_until_it_expires()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var url = PublishTokens.CreateUrl("rtmp://ingest.example:1935/", "/live/cam1/", Secret, TimeSpan.FromMinutes(10), now);
        Assert.StartsWith("rtmp://ingest.example:1935/live/cam1?exp=1700000600&sig=", url, StringComparison.Ordinal);
        var query = new Dictionary<string, string>();
        QueryParameters.AddTo(query, url.Substring(url.IndexOf('?') + 1));
        Assert.Equal(SignedUrlCheck.Valid, SignedUrl.Verify(Secret, "live/cam1", query["exp"], query["sig"], now.AddMinutes(9)));
        Assert.Equal(SignedUrlCheck.Expired, SignedUrl.Verify(Secret, "live/cam1", query["exp"], query["sig"], now.AddMinutes(11)));
        Assert.Equal(SignedUrlCheck.BadSignature, SignedUrl.Verify(Secret, "live/cam2", query["exp"], query["sig"], now));
    }

    [Theory]
    [InlineData("http://x", "live/cam")]
    [InlineData("rtmp://x", "cam")]
    [InlineData("rtmp://x", "live/cam?key=1")]
    public void Bad_input_is_refused(string baseUrl, string path)
        => Assert.Throws<ArgumentException>(() => PublishTokens.CreateUrl(baseUrl, path, Secret, TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow));

    [Fact]
    public void A_ttl_that_is_not_positive_and_an_empty_secret_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PublishTokens.CreateUrl("rtmp://x", "live/cam", Secret, TimeSpan.Zero, DateTimeOffset.UtcNow));
        Assert.Throws<ArgumentException>(() => PublishTokens.CreateUrl("rtmp://x", "live/cam", Array.Empty<byte>(), TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow));
    }
}
