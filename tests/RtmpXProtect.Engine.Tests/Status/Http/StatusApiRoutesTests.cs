using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using System.Text.Json;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Status.Http;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Status.Http
{
    public sealed class StatusApiRoutesTests
    {
        private static readonly NameValueCollection NoQuery = new NameValueCollection();

        [Fact]
        public void Status_is_the_server_status_in_the_json_serve_writes()
        {
            var routes = new StatusApiRoutes { Server = () => new ServerStatus(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3), 2, Array.Empty<StreamStatus>(), Array.Empty<SessionStatus>(), new Dictionary<RejectionReason, long>()) };

            var answer = routes.Answer("GET", "/api/status", NoQuery);

            Assert.Equal(200, answer.StatusCode);
            using var json = JsonDocument.Parse(answer.Body);
            Assert.Equal(2, json.RootElement.GetProperty("connections").GetInt32());
            Assert.Equal("00:00:03", json.RootElement.GetProperty("uptime").GetString());
        }

        [Theory]
        [InlineData("/api/status")]
        [InlineData("/api/relays")]
        [InlineData("/api/relays/a/logs")]
        [InlineData("/")]
        [InlineData("/api")]
        [InlineData("/api/status/extra")]
        [InlineData("/other/status")]
        public void A_path_the_host_does_not_serve_is_404_with_an_error(string path)
        {
            var answer = new StatusApiRoutes().Answer("GET", path, NoQuery);

            Assert.Equal(404, answer.StatusCode);
            Assert.Equal("No such resource.", Error(answer));
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("DELETE")]
        [InlineData("PUT")]
        public void Anything_but_get_is_refused(string method)
        {
            var answer = Relays().Answer(method, "/api/relays", NoQuery);

            Assert.Equal(405, answer.StatusCode);
            Assert.Contains("GET", Error(answer));
        }

        [Fact]
        public void Relays_are_listed_found_by_escaped_name_and_an_unknown_one_is_404()
        {
            var routes = Relays();

            using var all = JsonDocument.Parse(routes.Answer("GET", "/api/relays", NoQuery).Body);
            Assert.Equal(new[] { "lobby", "gate 2" }, all.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
            using var one = JsonDocument.Parse(routes.Answer("GET", "/api/relays/gate%202", NoQuery).Body);
            Assert.Equal("Streaming", one.RootElement.GetProperty("state").GetString());
            var missing = routes.Answer("GET", "/api/relays/dock", NoQuery);
            Assert.Equal(404, missing.StatusCode);
            Assert.Equal("No such stream.", Error(missing));
        }

        [Fact]
        public void A_relay_log_passes_after_and_tail_bounded_and_rejects_what_is_not_a_number()
        {
            (string Name, long After, int Tail)? asked = null;
            var routes = Relays((name, after, tail) =>
            {
                asked = (name, after, tail);
                return name == "lobby" ? new[] { new LogLine(7, DateTimeOffset.UnixEpoch, "INF", "publishing") } : null;
            });

            var answer = routes.Answer("GET", "/api/relays/lobby/logs", Query("tail", "5000", "after", "6"));
            Assert.Equal(200, answer.StatusCode);
            Assert.Equal(("lobby", 6L, 1000), asked);
            using var lines = JsonDocument.Parse(answer.Body);
            Assert.Equal("publishing", lines.RootElement[0].GetProperty("text").GetString());

            routes.Answer("GET", "/api/relays/lobby/logs", NoQuery);
            Assert.Equal(("lobby", 0L, 40), asked);
            Assert.Equal(404, routes.Answer("GET", "/api/relays/dock/logs", NoQuery).StatusCode);
            Assert.Equal(400, routes.Answer("GET", "/api/relays/lobby/logs", Query("tail", "ten")).StatusCode);
            Assert.Equal(400, routes.Answer("GET", "/api/relays/lobby/logs", Query("after", "99999999999999999999")).StatusCode);
        }

        private static StatusApiRoutes Relays(Func<string, long, int, IReadOnlyList<LogLine>?>? log = null) => new StatusApiRoutes
        {
            Relays = () => new[]
            {
                new StreamerStatus { Name = "lobby", State = StreamerState.Connecting },
                new StreamerStatus { Name = "gate 2", State = StreamerState.Streaming },
            },
            RelayLog = log,
        };

        private static NameValueCollection Query(params string[] pairs)
        {
            var query = new NameValueCollection();
            for (var i = 0; i < pairs.Length; i += 2)
            {
                query[pairs[i]] = pairs[i + 1];
            }

            return query;
        }

        private static string? Error(StatusApiAnswer answer)
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(answer.Body));
            return json.RootElement.GetProperty("error").GetString();
        }
    }
}
