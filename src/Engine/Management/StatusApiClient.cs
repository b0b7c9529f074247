using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// The client side of a running rtmpx server's status API, shared by `rtmpx status`,
    /// `rtmpx stream status|logs` and the cmdlets that look at a server (Get-RtmpStream,
    /// Get-RtmpStreamLog, Get-RtmpIngest -Api), so they all read the same JSON the same way.
    /// </summary>
    public sealed class StatusApiClient : IDisposable
    {
        private static readonly JsonSerializerOptions Json = CreateJson();

        private readonly HttpClient _http;

        /// <summary>A client of the API at <paramref name="api"/>, <see cref="DefaultApi"/> when null.</summary>
        public StatusApiClient(Uri? api = null)
        {
            Api = api ?? DefaultApi;
            _http = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(10) };
        }

        /// <summary>Where `rtmpx serve` puts its API unless told otherwise: loopback only, port 1985.</summary>
        public static Uri DefaultApi { get; } = new Uri("http://127.0.0.1:1985");

        /// <summary>The API this client talks to; messages name it.</summary>
        public Uri Api { get; }

        /// <summary>The server's streams, sessions and counters (GET /api/status).</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public async Task<ServerStatus> GetServerStatusAsync(CancellationToken cancel)
            => await GetAsync<ServerStatus>("/api/status", cancel).ConfigureAwait(false) ?? throw new StatusApiException($"The rtmpx server at {Api} answered with no status.");

        /// <summary>The streams the server runs (GET /api/relays).</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public async Task<IReadOnlyList<StreamerStatus>> GetStreamsAsync(CancellationToken cancel)
            => await GetAsync<List<StreamerStatus>>("/api/relays", cancel).ConfigureAwait(false) ?? new List<StreamerStatus>();

        /// <summary>One stream the server runs; null when it runs none of that name.</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public Task<StreamerStatus?> GetStreamAsync(string name, CancellationToken cancel)
            => GetAsync<StreamerStatus>("/api/relays/" + Uri.EscapeDataString(name), cancel);

        /// <summary>The last <paramref name="tail"/> lines of one stream's log, only those after sequence <paramref name="after"/> when given; null when the server runs no such stream.</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public async Task<IReadOnlyList<LogLine>?> GetStreamLogAsync(string name, int tail, long? after, CancellationToken cancel)
            => await GetAsync<List<LogLine>>($"/api/relays/{Uri.EscapeDataString(name)}/logs" + LogQuery(tail, after), cancel).ConfigureAwait(false);

        /// <summary>The last <paramref name="tail"/> lines of the server's log, only those after sequence <paramref name="after"/> when given.</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public async Task<IReadOnlyList<LogLine>> GetServerLogAsync(int tail, long? after, CancellationToken cancel)
            => await GetAsync<List<LogLine>>("/api/logs" + LogQuery(tail, after), cancel).ConfigureAwait(false) ?? new List<LogLine>();

        /// <summary>The server's recordings, oldest first, only <paramref name="path"/>'s when given (GET /api/recordings).</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public async Task<IReadOnlyList<RtmpXProtect.Engine.Recording.RecordingInfo>> GetRecordingsAsync(string? path, CancellationToken cancel)
            => await GetAsync<List<RtmpXProtect.Engine.Recording.RecordingInfo>>("/api/recordings" + (path == null ? string.Empty : "?path=" + Uri.EscapeDataString(path)), cancel).ConfigureAwait(false)
                ?? new List<RtmpXProtect.Engine.Recording.RecordingInfo>();

        /// <summary>Disconnects session <paramref name="id"/>; false when the server has no such session.</summary>
        /// <exception cref="StatusApiException">No server answers or it answers with an error.</exception>
        public async Task<bool> DropSessionAsync(long id, CancellationToken cancel)
        {
            try
            {
                using var response = await _http.DeleteAsync("/api/sessions/" + id.ToString(CultureInfo.InvariantCulture), cancel).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return false;
                }

                Check(response);
                return true;
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(e);
            }
            catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw Unreachable(e);
            }
        }

        /// <summary>Releases the HTTP connection.</summary>
        public void Dispose() => _http.Dispose();

        private static string LogQuery(int tail, long? after)
            => "?tail=" + tail.ToString(CultureInfo.InvariantCulture) + (after == null ? string.Empty : "&after=" + after.Value.ToString(CultureInfo.InvariantCulture));

        // Null on 404: "no such stream" is an answer, not an error.
        private async Task<T?> GetAsync<T>(string query, CancellationToken cancel)
            where T : class
        {
            try
            {
                using var response = await _http.GetAsync(query, cancel).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                Check(response);
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync(body, EngineJson.TypeInfo<T>(Json), cancel).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(e);
            }
            catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw Unreachable(e);
            }
            catch (JsonException e)
            {
                throw new StatusApiException($"The server at {Api} did not answer with rtmpx status JSON.", e);
            }
        }

        private void Check(HttpResponseMessage response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new StatusApiException($"The rtmpx server at {Api} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }

        private StatusApiException Unreachable(Exception e)
            => new StatusApiException($"No rtmpx server answers at {Api} ({e.Message}); is `rtmpx serve` running with its API on?", e);

        // The API writes camelCase with enums by name (the CLI's StatusJson); this reads the same.
        private static JsonSerializerOptions CreateJson()
        {
            return EngineJson.Resolving(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
    }
}
