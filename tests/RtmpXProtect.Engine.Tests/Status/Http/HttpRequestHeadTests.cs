using System;
using System.Text;
using RtmpXProtect.Engine.Status.Http;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Status.Http
{
    public sealed class HttpRequestHeadTests
    {
        private const string Get = "GET /api/relays/lobby%202/logs?tail=5&after=12&x HTTP/1.1\r\nHost: 127.0.0.1:1987\r\nUser-Agent: curl\r\n\r\n";

        [Fact]
        public void A_get_gives_its_method_path_and_unescaped_query()
        {
            var head = HttpRequestHead.TryParse(Bytes(Get), out var error);

            Assert.Null(error);
            Assert.Equal("GET", head!.Method);
            Assert.Equal("/api/relays/lobby%202/logs", head.Path);
            Assert.Equal("5", head.Query["tail"]);
            Assert.Equal("12", head.Query["after"]);
            Assert.Equal(string.Empty, head.Query["x"]);
        }

        [Fact]
        public void Every_prefix_of_a_head_is_incomplete_not_an_error()
        {
            var bytes = Bytes(Get);
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.Null(HttpRequestHead.TryParse(bytes.AsSpan(0, length), out var error));
                Assert.Null(error);
            }
        }

        [Fact]
        public void A_head_longer_than_the_limit_is_refused_with_or_without_its_end()
        {
            var endless = Bytes("GET /" + new string('a', HttpRequestHead.MaxLength) + " HTTP/1.1");
            Assert.Null(HttpRequestHead.TryParse(endless, out var error));
            Assert.Contains("longer than 8192", error);

            var long_ = Bytes("GET / HTTP/1.1\r\nX: " + new string('b', HttpRequestHead.MaxLength) + "\r\n\r\n");
            Assert.Null(HttpRequestHead.TryParse(long_, out error));
            Assert.Contains("longer than", error);
        }

        [Theory]
        [InlineData("\r\n\r\n")]
        [InlineData("GET\r\n\r\n")]
        [InlineData("GET /api/status\r\n\r\n")]
        [InlineData("GET /api/status HTTP/2.0\r\n\r\n")]
        [InlineData("GET /api/status FTP/1.1\r\n\r\n")]
        [InlineData("GET  /api/status HTTP/1.1\r\n\r\n")]
        [InlineData("G(T /api/status HTTP/1.1\r\n\r\n")]
        [InlineData("GET /api/status HTTP/1.1 extra\r\n\r\n")]
        public void A_line_that_is_no_http_request_line_is_refused(string text)
        {
            Assert.Null(HttpRequestHead.TryParse(Encoding.Latin1.GetBytes(text), out var error));
            Assert.Equal("That is not an HTTP/1.1 request line.", error);
        }

        [Theory]
        [InlineData("GET api/status HTTP/1.1\r\n\r\n")]
        [InlineData("GET  HTTP/1.1\r\n\r\n")]
        [InlineData("GET http://127.0.0.1/api/status HTTP/1.1\r\n\r\n")]
        public void A_target_that_is_not_a_path_is_refused(string text)
        {
            Assert.Null(HttpRequestHead.TryParse(Encoding.Latin1.GetBytes(text), out var error));
            Assert.Contains("must be a path", error);
        }

        [Theory]
        [InlineData("GET /api/st\u00e9tus HTTP/1.1\r\n\r\n")]
        [InlineData("\u00ffET /api/status HTTP/1.1\r\n\r\n")]
        [InlineData("GET /api/\u0001status HTTP/1.1\r\n\r\n")]
        public void A_request_line_that_is_not_printable_ascii_is_refused(string text)
        {
            Assert.Null(HttpRequestHead.TryParse(Encoding.Latin1.GetBytes(text), out var error));
            Assert.Equal("The request line must be printable ASCII.", error);
        }

        [Fact]
        public void A_broken_escape_in_the_query_stays_as_written()
        {
            var head = HttpRequestHead.TryParse(Bytes("GET /api/relays?tail=%zz&a+b=c%20d HTTP/1.1\r\n\r\n"), out var error);

            Assert.Null(error);
            Assert.Equal("%zz", head!.Query["tail"]);
            Assert.Equal("c d", head.Query["a b"]);
        }

        [Fact]
        public void Random_bytes_are_incomplete_or_refused_never_an_exception()
        {
            var random = new Random(1986);
            for (var i = 0; i < 5000; i++)
            {
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                if (i % 2 == 0 && bytes.Length > 8)
                {
                    // Half of them end like a head, so the line parser sees them.
                    "\r\n\r\n"u8.CopyTo(bytes.AsSpan(bytes.Length - 4));
                }

                var head = HttpRequestHead.TryParse(bytes, out var error);
                Assert.True(head == null || error == null);
            }
        }

        private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
    }
}
