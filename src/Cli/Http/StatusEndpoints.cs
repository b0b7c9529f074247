using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Server;
using Serilog;

namespace RtmpXProtect.Cli.Http
{
    /// <summary>Where `rtmpx serve` serves metrics and the status API, checked before anything starts.</summary>
    internal sealed class StatusEndpoints
    {
        private StatusEndpoints(IPEndPoint? metrics, IPEndPoint? api, bool apiIsDefault, LogRing ring)
        {
            Metrics = metrics;
            Api = api;
            ApiIsDefault = apiIsDefault;
            Ring = ring;
        }

        public IPEndPoint? Metrics { get; }

        public IPEndPoint? Api { get; }

        /// <summary>The API is where it is by default, not because someone asked: a taken port then only warns.</summary>
        public bool ApiIsDefault { get; }

        /// <summary>The last log lines, which GET /api/logs serves.</summary>
        public LogRing Ring { get; }

        /// <summary>Null with <paramref name="error"/> set when an address does not parse or the API would be reachable from other hosts unasked.</summary>
        public static StatusEndpoints? From(MetricsSection metrics, ApiSection api, LogRing ring, out string? error)
        {
            error = null;
            var metricsAt = Parse(metrics.Listen, "metrics.listen", ref error);
            var apiAt = Parse(api.Listen, "api.listen", ref error);
            if (apiAt != null && !IPAddress.IsLoopback(apiAt.Address) && !api.AllowRemote)
            {
                error ??= $"The status API would listen on {apiAt}, which other hosts can reach; it has no authentication and can drop sessions. Use a loopback address or --api-allow-remote (api.allowRemote).";
            }

            return error == null ? new StatusEndpoints(metricsAt, apiAt, api.Listen == ApiSection.DefaultListen, ring) : null;
        }

        /// <summary>Starts what was asked for; null (after logging why) when an address cannot be bound.</summary>
        public Task<IAsyncDisposable?> StartAsync(RtmpServer server, ILogger log, RtmpXProtect.Engine.Streaming.Running.StreamSupervisor? relays = null)
            => Metrics == null && Api == null
                ? Task.FromResult<IAsyncDisposable?>(new Stoppable(new List<StatusHttpServer>()))
                : StartServersAsync(server, log, relays);

        // Separate, so a serve without HTTP never JIT-compiles (and loads ASP.NET Core for) this method.
        private async Task<IAsyncDisposable?> StartServersAsync(RtmpServer server, ILogger log, RtmpXProtect.Engine.Streaming.Running.StreamSupervisor? relays)
        {
            var started = new List<StatusHttpServer>();
            var shared = Metrics != null && Api != null && Metrics.Equals(Api) && Metrics.Port != 0;
            try
            {
                if (Metrics != null)
                {
                    var http = await StatusHttpServer.StartAsync(Metrics, server, Ring, metrics: true, api: shared, relays);
                    started.Add(http);
                    log.Information("Metrics on {Address}/metrics", http.Address);
                }

                if (Api != null && !shared)
                {
                    var http = await StartApiAsync(log, server, relays);
                    if (http != null)
                    {
                        started.Add(http);
                        log.Information("Status API on {Address}/api/status", http.Address);
                    }
                }
                else if (shared)
                {
                    log.Information("Status API on {Address}/api/status", started[0].Address);
                }
            }
            catch (IOException e)
            {
                // Refused rather than run without it: whoever asked for the API relies on it to drop sessions.
                log.Error("Cannot serve HTTP: {Error}", e.Message);
                foreach (var http in started)
                {
                    await http.DisposeAsync();
                }

                return null;
            }

            return new Stoppable(started);
        }

        // A second rtmpx on the host finds the default port taken; the RTMP job matters more than
        // its status API, so that one runs without it (an address someone chose is another matter).
        private async Task<StatusHttpServer?> StartApiAsync(ILogger log, RtmpServer server, RtmpXProtect.Engine.Streaming.Running.StreamSupervisor? relays)
        {
            try
            {
                return await StatusHttpServer.StartAsync(Api!, server, Ring, metrics: false, api: true, relays);
            }
            catch (IOException e) when (ApiIsDefault)
            {
                log.Warning("No status API: {Error} (another rtmpx on this host?); set api.listen or --api to serve it elsewhere", e.Message);
                return null;
            }
        }

        private static IPEndPoint? Parse(string? text, string key, ref string? error)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (RtmpXProtect.Cli.Commands.EndpointOption.TryParse(text, out var endpoint))
            {
                return endpoint;
            }

            error ??= $"{key} must be ADDRESS:PORT, such as 127.0.0.1:1985 (got '{text}').";
            return null;
        }

        private sealed class Stoppable : IAsyncDisposable
        {
            private readonly List<StatusHttpServer> _servers;

            public Stoppable(List<StatusHttpServer> servers) => _servers = servers;

            public async ValueTask DisposeAsync()
            {
                foreach (var http in _servers)
                {
                    await http.DisposeAsync();
                }
            }
        }
    }
}
