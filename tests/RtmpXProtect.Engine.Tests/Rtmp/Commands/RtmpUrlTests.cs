using System;
using RtmpXProtect.Engine.Rtmp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Commands
{
    public class RtmpUrlTests
    {
        [Theory]
        [InlineData("rtmp://example.com/live/cam1", false, "example.com", 1935, "live", "cam1")]
        [InlineData("rtmps://example.com/live/cam1", true, "example.com", 443, "live", "cam1")]
        [InlineData("RTMP://example.com:1940/app", false, "example.com", 1940, "app", "")]
        [InlineData("rtmp://[::1]:1936/live/x", false, "::1", 1936, "live", "x")]
        [InlineData("rtmp://[::1]/live/x", false, "::1", 1935, "live", "x")]
        [InlineData("rtmp://10.0.0.1/live/a/b?key=1", false, "10.0.0.1", 1935, "live", "a/b?key=1")]
        public void Parse_splits_host_port_app_and_stream(string url, bool secure, string host, int port, string app, string stream)
        {
            var parsed = RtmpUrl.Parse(url);
            Assert.Equal(secure, parsed.IsSecure);
            Assert.Equal(host, parsed.Host);
            Assert.Equal(port, parsed.Port);
            Assert.Equal(app, parsed.App);
            Assert.Equal(stream, parsed.Stream);
        }

        [Fact]
        public void TcUrl_holds_scheme_host_port_and_app()
        {
            Assert.Equal("rtmps://example.com:443/live", RtmpUrl.Parse("rtmps://example.com/live/cam1?key=x").TcUrl);
        }

        [Theory]
        [InlineData("rtmp://example.com", "application")]
        [InlineData("rtmp://example.com/", "application")]
        [InlineData("http://example.com/live/cam1?key=topsecret", "rtmp://")]
        [InlineData("example.com/live/cam1?key=topsecret", "rtmp://")]
        [InlineData("rtmp://example.com:99999/live/cam1?key=topsecret", "port")]
        [InlineData("rtmp://example.com:abc/live/cam1?key=topsecret", "port")]
        [InlineData("rtmp:///live/cam1?key=topsecret", "host")]
        public void Bad_urls_are_refused_without_repeating_the_url(string url, string reason)
        {
            var e = Assert.Throws<FormatException>(() => RtmpUrl.Parse(url));
            Assert.Contains(reason, e.Message);
            Assert.DoesNotContain("topsecret", e.Message);
            Assert.False(RtmpUrl.TryParse(url, out var parsed, out var error));
            Assert.Null(parsed);
            Assert.DoesNotContain("topsecret", error);
        }

        [Fact]
        public void A_user_name_or_password_before_the_host_is_refused_without_repeating_it()
        {
            Assert.False(RtmpUrl.TryParse("rtmp://user:topsecret@example.com:1935/live/cam1", out var parsed, out var error));
            Assert.Null(parsed);
            Assert.Contains("user name or password", error);
            Assert.DoesNotContain("topsecret", error);
        }

        [Fact]
        public void Without_the_stream_name_the_key_is_masked_and_an_IPv6_host_keeps_its_brackets()
        {
            Assert.Equal("rtmp://[::1]:1936/live/****", RtmpUrl.Parse("rtmp://[::1]:1936/live/yt-topsecret").ToStringWithoutStreamName());
            Assert.Equal("rtmps://a.rtmps.youtube.com:443/live2/****", RtmpUrl.Parse("rtmps://a.rtmps.youtube.com/live2/topsecret").ToStringWithoutStreamName());
        }

        [Fact]
        public void TcUrl_brackets_an_IPv6_host()
        {
            var url = RtmpUrl.Parse("rtmp://[::1]:1936/live/x");
            Assert.Equal("rtmp://[::1]:1936/live", url.TcUrl);
            Assert.Equal("::1", RtmpUrl.Parse(url.TcUrl + "/x").Host);
        }

        [Fact]
        public void ToString_masks_the_stream_key()
        {
            var url = RtmpUrl.Parse("rtmp://example.com/live/cam1?key=topsecret");
            Assert.Equal("rtmp://example.com:1935/live/cam1?****", url.ToString());
            Assert.DoesNotContain("topsecret", url.ToString());
        }

        [Fact]
        public void ToString_does_not_leak_a_key_carried_in_the_app_query()
        {
            // Some services put the key on the application: rtmp://host/live?key=x/stream.
            var url = RtmpUrl.Parse("rtmp://example.com/live?key=topsecret/cam1");
            Assert.DoesNotContain("topsecret", url.ToString());
        }
    }
}
