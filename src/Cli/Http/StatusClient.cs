using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Status;

namespace RtmpXProtect.Cli.Http
{
    /// <summary>`rtmpx status`'s side of the status API.</summary>
    internal sealed class StatusClient : IDisposable
    {
        private readonly HttpClient _http;

        public StatusClient(Uri api)
        {
            _http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        }

        public async Task<ServerStatus> GetStatusAsync(CancellationToken cancel)
            => await _http.GetFromJsonAsync<ServerStatus>("/api/status", StatusJson.Options, cancel) ?? throw new HttpRequestException("The API answered with no status.");

        public async Task<IReadOnlyList<LogLine>> GetLogsAsync(int tail, long? after, CancellationToken cancel)
        {
            var query = after == null ? $"/api/logs?tail={tail}" : $"/api/logs?tail={tail}&after={after}";
            return await _http.GetFromJsonAsync<List<LogLine>>(query, StatusJson.Options, cancel) ?? new List<LogLine>();
        }

        public async Task<IReadOnlyList<RtmpXProtect.Engine.Streaming.Running.StreamerStatus>> GetRelaysAsync(CancellationToken cancel)
            => await _http.GetFromJsonAsync<List<RtmpXProtect.Engine.Streaming.Running.StreamerStatus>>("/api/relays", StatusJson.Options, cancel) ?? new List<RtmpXProtect.Engine.Streaming.Running.StreamerStatus>();

        /// <summary>Null when the server runs no stream of that name.</summary>
        public async Task<RtmpXProtect.Engine.Streaming.Running.StreamerStatus?> GetRelayAsync(string name, CancellationToken cancel)
        {
            using var response = await _http.GetAsync("/api/relays/" + Uri.EscapeDataString(name), cancel);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<RtmpXProtect.Engine.Streaming.Running.StreamerStatus>(StatusJson.Options, cancel);
        }

        /// <summary>Null when the server runs no stream of that name.</summary>
        public async Task<IReadOnlyList<LogLine>?> GetRelayLogsAsync(string name, int tail, long? after, CancellationToken cancel)
        {
            var query = $"/api/relays/{Uri.EscapeDataString(name)}/logs?tail={tail}" + (after == null ? string.Empty : $"&after={after}");
            using var response = await _http.GetAsync(query, cancel);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<List<LogLine>>(StatusJson.Options, cancel) ?? new List<LogLine>();
        }

        /// <summary>False when the server has no such session.</summary>
        public async Task<bool> DropAsync(long id, CancellationToken cancel)
        {
            using var response = await _http.DeleteAsync($"/api/sessions/{id}", cancel);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            response.EnsureSuccessStatusCode();
            return true;
        }

        public void Dispose() => _http.Dispose();
    }
}
