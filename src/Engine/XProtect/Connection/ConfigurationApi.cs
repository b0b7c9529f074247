using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// The API Gateway's configuration REST API (Milestone's openapi.yaml, as conticomp/xprotect-export
    /// ships it): cameras, paged, enabled and disabled; and the relations camera → hardware →
    /// recording server that lead to a camera's ImageServer.
    /// </summary>
    internal sealed class ConfigurationApi
    {
        internal const int PageSize = 500;
        private const int MaxPages = 1000;
        private const int DefaultImageServerPort = 7563;

        private readonly HttpClient _http;
        private readonly XProtectServerOptions _options;
        private readonly Uri _rest;
        private readonly Func<string> _accessToken;

        public ConfigurationApi(HttpClient http, XProtectServerOptions options, Uri apiGateway, Func<string> accessToken)
        {
            _http = http;
            _options = options;
            _rest = new Uri(apiGateway, "rest/v1/");
            _accessToken = accessToken;
        }

        public async Task<IReadOnlyList<XProtectCamera>> CamerasAsync(CancellationToken cancellationToken)
        {
            var cameras = new List<XProtectCamera>();
            for (int page = 0; page < MaxPages; page++)
            {
                using var document = await GetAsync($"cameras?disabled&page={page}&size={PageSize}", cancellationToken).ConfigureAwait(false);
                if (!document.RootElement.TryGetProperty("array", out var array) || array.ValueKind != JsonValueKind.Array)
                {
                    throw Unexpected("the camera list");
                }

                foreach (var item in array.EnumerateArray())
                {
                    cameras.Add(Camera(item));
                }

                if (array.GetArrayLength() < PageSize)
                {
                    return cameras;
                }
            }

            throw new XProtectException($"XProtect server {_options.ShownServer}: the camera list goes on past {MaxPages} pages.");
        }

        public async Task<XProtectCamera?> CameraAsync(Guid id, CancellationToken cancellationToken)
        {
            using var document = await GetAsync("cameras/" + id.ToString("D"), cancellationToken, allowNotFound: true).ConfigureAwait(false);
            return document == null ? null : Camera(Data(document, "camera"));
        }

        /// <summary>The recording server's ImageServer address for a camera: its webServerUri, else host and port.</summary>
        public async Task<Uri> ImageServerAsync(XProtectCamera camera, CancellationToken cancellationToken)
        {
            var hardwareId = camera.HardwareId ?? (await CameraAsync(camera.Id, cancellationToken).ConfigureAwait(false))?.HardwareId
                ?? throw new XProtectException($"XProtect server {_options.ShownServer}: camera {camera.Name} has no hardware.");
            using var hardware = await GetAsync("hardware/" + hardwareId.ToString("D"), cancellationToken).ConfigureAwait(false);
            var recorderId = Parent(Data(hardware, "hardware"), "recordingServers")
                ?? throw new XProtectException($"XProtect server {_options.ShownServer}: the hardware of camera {camera.Name} names no recording server.");
            using var recorder = await GetAsync("recordingServers/" + recorderId.ToString("D"), cancellationToken).ConfigureAwait(false);
            var data = Data(recorder, "recording server");
            if (Text(data, "webServerUri") is string web && Uri.TryCreate(web, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https"))
            {
                return uri;
            }

            var host = Text(data, "hostName");
            var port = data.TryGetProperty("portNumber", out var number) && number.TryGetInt32(out var p) ? p : DefaultImageServerPort;
            if (host == null || Uri.CheckHostName(host) == UriHostNameType.Unknown || port < 1 || port > 65535)
            {
                throw Unexpected("the recording server's address");
            }

            return new UriBuilder("http", host, port).Uri;
        }

        private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken) =>
            (await GetAsync(path, cancellationToken, allowNotFound: false).ConfigureAwait(false))!;

        private async Task<JsonDocument?> GetAsync(string path, CancellationToken cancellationToken, bool allowNotFound)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_rest, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken());
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (allowNotFound && (int)response.StatusCode == 404)
                {
                    return null;
                }

                if ((int)response.StatusCode == 401 || (int)response.StatusCode == 403)
                {
                    throw new XProtectAuthenticationException($"XProtect server {_options.ShownServer} does not let {_options.ShownUser} read {Shown(path)} (HTTP {(int)response.StatusCode}).");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new XProtectException($"XProtect server {_options.ShownServer}: reading {Shown(path)} answered HTTP {(int)response.StatusCode}.");
                }

                return JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }
            catch (JsonException e)
            {
                throw new XProtectException($"XProtect server {_options.ShownServer}: {Shown(path)} is not JSON.", e);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw XProtectHttp.Unreachable(_options, "reading " + Shown(path), e);
            }
        }

        private XProtectCamera Camera(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object || !Guid.TryParse(Text(item, "id"), out var id))
            {
                throw Unexpected("a camera");
            }

            var enabled = !item.TryGetProperty("enabled", out var flag) || flag.ValueKind != JsonValueKind.False;
            return new XProtectCamera(id, Text(item, "name") ?? string.Empty, Text(item, "displayName") ?? string.Empty, enabled, Parent(item, "hardware"));
        }

        private JsonElement Data(JsonDocument document, string what) =>
            document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? data
                : throw Unexpected(what);

        private static Guid? Parent(JsonElement item, string type) =>
            item.TryGetProperty("relations", out var relations) && relations.ValueKind == JsonValueKind.Object
            && relations.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
            && string.Equals(Text(parent, "type"), type, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(Text(parent, "id"), out var id)
                ? id
                : (Guid?)null;

        private static string? Text(JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string Shown(string path)
        {
            int query = path.IndexOf('?');
            return query < 0 ? path : path.Substring(0, query);
        }

        private XProtectException Unexpected(string what) =>
            new XProtectException($"XProtect server {_options.ShownServer}: {what} is not in the form the API Gateway documents.");
    }
}
