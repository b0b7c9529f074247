using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Status;

namespace RtmpXProtect.Cli.Http
{
    /// <summary>
    /// One Kestrel listener serving the metrics, the status API or both. Built only when
    /// --metrics or --api is given, so a plain `rtmpx serve` never loads ASP.NET Core.
    /// </summary>
    internal sealed class StatusHttpServer : IAsyncDisposable
    {
        private const int MaxLogLines = 1000;
        private readonly WebApplication _app;

        private StatusHttpServer(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        /// <summary>"http://127.0.0.1:PORT" with the port actually bound.</summary>
        public string Address { get; }

        /// <summary>Binds and starts; throws IOException (from Kestrel) when the address is taken.</summary>
        public static async Task<StatusHttpServer> StartAsync(IPEndPoint endpoint, RtmpServer server, LogRing ring, bool metrics, bool api, RtmpXProtect.Engine.Streaming.Running.StreamSupervisor? relays = null)
        {
            var builder = WebApplication.CreateSlimBuilder();

            // The server's own Serilog log says what matters; ASP.NET's console lines would only interleave with it.
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endpoint));
            var app = builder.Build();
            if (metrics)
            {
                var exporter = new PrometheusExporter(server.Meter.Instruments);
                app.Lifetime.ApplicationStopped.Register(exporter.Dispose);
                app.MapGet("/metrics", async (HttpContext context) =>
                {
                    context.Response.ContentType = PrometheusExporter.ContentType;
                    await exporter.WriteAsync(context.Response.Body, context.RequestAborted);
                });
            }

            if (api)
            {
                app.MapGet("/api/status", () => StatusJson.Result(server.GetStatus()));
                app.MapGet("/api/streams", () => StatusJson.Result(server.GetStatus().Streams));
                app.MapGet("/api/sessions", () => StatusJson.Result(server.GetStatus().Sessions));
                app.MapDelete("/api/sessions/{id:long}", (long id) =>
                    server.TryDropSession(id, "dropped through the status API") ? Results.NoContent() : StatusJson.NotFound($"No session {id}."));
                app.MapGet("/api/recordings", (string? path) => StatusJson.Result(server.GetRecordings(path)));
                app.MapGet("/api/logs", (int? tail, long? after) =>
                {
                    var count = Math.Clamp(tail ?? 100, 0, MaxLogLines);
                    var lines = after == null ? ring.Tail(count) : ring.Since(after.Value, count);
                    return StatusJson.Result(lines);
                });
                if (relays != null)
                {
                    MapRelays(app, relays);
                }
            }

            await app.StartAsync();
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://" + endpoint;
            return new StatusHttpServer(app, bound);
        }

        // The configured streams (not /api/streams, which are the ingest's published paths).
        private static void MapRelays(WebApplication app, RtmpXProtect.Engine.Streaming.Running.StreamSupervisor relays)
        {
            app.MapGet("/api/relays", () => StatusJson.Result(relays.Status()));
            app.MapGet("/api/relays/{name}", (string name) => relays.Status(name) is { } status
                ? StatusJson.Result(status)
                : StatusJson.NotFound("No such stream."));
            app.MapGet("/api/relays/{name}/logs", (string name, int? tail, long? after) =>
            {
                if (relays.Log(name) is not { } log)
                {
                    return StatusJson.NotFound("No such stream.");
                }

                var count = Math.Clamp(tail ?? 40, 0, MaxLogLines);
                return StatusJson.Result(after == null ? log.Tail(count) : log.Since(after.Value, count));
            });
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
