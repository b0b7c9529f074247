using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Status.Http;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog.Core;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Status.Http
{
    public sealed class StatusApiListenerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task An_http_client_reads_a_route_and_an_unknown_path_is_404()
        {
            using var api = Start();
            using var http = new HttpClient { BaseAddress = api.Address };

            using var relays = await http.GetAsync("/api/relays").WaitAsync(Timeout);
            using var missing = await http.GetAsync("/api/nothing").WaitAsync(Timeout);

            Assert.Equal(HttpStatusCode.OK, relays.StatusCode);
            Assert.Equal("application/json", relays.Content.Headers.ContentType!.MediaType);
            Assert.Contains("\"name\": \"lobby\"", await relays.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        [Theory]
        [InlineData("HELLO\r\n\r\n")]
        [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\r\n\r\n")]
        public async Task Garbage_gets_a_400_with_the_reason_and_a_closed_connection(string garbage)
        {
            using var api = Start();

            var answer = await Exchange(api, Encoding.Latin1.GetBytes(garbage));

            Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
            Assert.Matches("\r\n\r\n\\{\"error\":\"The request line must be printable ASCII\\.|That is not an HTTP/1\\.1 request line\\.\"\\}$", answer);
        }

        [Fact]
        public async Task An_endless_head_is_refused_once_it_passes_the_limit()
        {
            using var api = Start();

            var answer = await Exchange(api, Encoding.ASCII.GetBytes("GET /" + new string('a', 20000)));

            Assert.StartsWith("HTTP/1.1 400", answer);
            Assert.Contains("longer than 8192 bytes", answer);
        }

        [Fact]
        public async Task A_client_that_never_finishes_its_head_is_closed_after_the_timeout_and_others_are_served()
        {
            using var api = Start(headTimeout: TimeSpan.FromMilliseconds(300));
            using var slow = new TcpClient();
            await slow.ConnectAsync(IPAddress.Loopback, api.Port).WaitAsync(Timeout);
            var stream = slow.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/relays HTTP/1.1\r\n"));

            var read = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Timeout);

            Assert.Equal(0, read);
            Assert.StartsWith("HTTP/1.1 200", await Exchange(api, Encoding.ASCII.GetBytes("GET /api/relays HTTP/1.1\r\n\r\n")));
        }

        [Fact]
        public async Task Connections_beyond_the_limit_are_closed_unanswered_and_the_held_ones_still_count()
        {
            using var api = Start();
            var held = new List<TcpClient>();
            try
            {
                for (var i = 0; i < StatusApiListener.MaxConnections; i++)
                {
                    var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, api.Port).WaitAsync(Timeout);
                    held.Add(client);
                }

                // The held ones take their slots once accepted: a request past them is closed at once.
                var refused = await Exchange(api, Encoding.ASCII.GetBytes("GET /api/relays HTTP/1.1\r\n\r\n"), tolerateReset: true);
                Assert.Equal(string.Empty, refused);
            }
            finally
            {
                held.ForEach(c => c.Dispose());
            }

            // Their slots come back as they close.
            await WaitUntil(async () => (await Exchange(api, Encoding.ASCII.GetBytes("GET /api/relays HTTP/1.1\r\n\r\n"), tolerateReset: true)).StartsWith("HTTP/1.1 200", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_source_that_throws_loses_only_its_request()
        {
            var fail = true;
            var routes = new StatusApiRoutes { Relays = () => fail ? throw new InvalidOperationException("boom") : Array.Empty<StreamerStatus>() };
            using var api = StatusApiListener.Start(0, routes, Logger.None);

            Assert.Equal(string.Empty, await Exchange(api, Encoding.ASCII.GetBytes("GET /api/relays HTTP/1.1\r\n\r\n"), tolerateReset: true));
            fail = false;
            Assert.StartsWith("HTTP/1.1 200", await Exchange(api, Encoding.ASCII.GetBytes("GET /api/relays HTTP/1.1\r\n\r\n")));
        }

        [Fact]
        public void A_taken_port_is_a_warning_and_no_listener()
        {
            using var taken = StatusApiListener.Start(0, new StatusApiRoutes(), Logger.None);

            Assert.Null(StatusApiListener.TryStart(taken.Port, new StatusApiRoutes(), Logger.None));
            Assert.Null(StatusApiListener.TryStart(0, new StatusApiRoutes(), Logger.None));
        }

        private static StatusApiListener Start(TimeSpan? headTimeout = null) => StatusApiListener.Start(0, new StatusApiRoutes
        {
            Relays = () => new[] { new StreamerStatus { Name = "lobby", State = StreamerState.Streaming } },
        }, Logger.None, headTimeout);

        // Sends the bytes and reads all the listener writes until it closes.
        private static async Task<string> Exchange(StatusApiListener api, byte[] request, bool tolerateReset = false)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, api.Port).WaitAsync(Timeout);
            var stream = client.GetStream();
            using var answer = new MemoryStream();
            try
            {
                await stream.WriteAsync(request).AsTask().WaitAsync(Timeout);
                await stream.CopyToAsync(answer).WaitAsync(Timeout);
            }
            catch (IOException) when (tolerateReset)
            {
                // Closed with the request unread: the kernel resets rather than ends the connection.
            }

            return Encoding.Latin1.GetString(answer.ToArray());
        }

        private static async Task WaitUntil(Func<Task<bool>> condition)
        {
            using var deadline = new CancellationTokenSource(Timeout);
            while (!await condition())
            {
                await Task.Delay(20, deadline.Token);
            }
        }
    }
}
