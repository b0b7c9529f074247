using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// Discovery and the OAuth token, as Milestone's OauthLoginFlow sample and the API Gateway
    /// specification describe them: <c>/api/.well-known/uris</c> names the identity provider and
    /// the gateways; a basic user's token comes through the gateway
    /// (<c>/API/IDP/connect/token</c>) with the identity provider itself as fallback, a Windows
    /// user's straight from the identity provider.
    /// </summary>
    internal sealed class IdentityProvider
    {
        private const string ClientId = "GrantValidatorClient";

        private readonly HttpClient _http;
        private readonly XProtectServerOptions _options;

        public IdentityProvider(HttpClient http, XProtectServerOptions options)
        {
            _http = http;
            _options = options;
        }

        /// <summary>The identity provider's base (…/IDP/) and the API Gateway's (…/API/), from discovery or the defaults.</summary>
        public async Task<(Uri IdentityProvider, Uri ApiGateway)> DiscoverAsync(CancellationToken cancellationToken)
        {
            var server = new Uri(_options.ShownServer + "/");
            var identity = new Uri(server, "IDP/");
            var gateway = new Uri(server, "API/");
            try
            {
                using var response = await _http.GetAsync(new Uri(server, "api/.well-known/uris"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                    identity = Base(document.RootElement, "IdentityProvider") ?? identity;
                    if (document.RootElement.TryGetProperty("ApiGateways", out var gateways) && gateways.ValueKind == JsonValueKind.Array && gateways.GetArrayLength() > 0)
                    {
                        gateway = AsBase(gateways[0].GetString()) ?? gateway;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException || e is JsonException || e is InvalidOperationException)
            {
                // Older servers have no discovery document; the defaults are where they keep both.
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw XProtectHttp.Unreachable(_options, "discovery", e);
            }

            return (identity, gateway);
        }

        /// <summary>An access token and when it expires.</summary>
        public async Task<(string Token, DateTimeOffset Expires)> RequestTokenAsync(Uri identityProvider, Uri apiGateway, CancellationToken cancellationToken)
        {
            if (_options.WindowsUser)
            {
                return await PostAsync(new Uri(identityProvider, "connect/token"), Form("windows_credentials"), cancellationToken).ConfigureAwait(false);
            }

            if (string.IsNullOrEmpty(_options.User))
            {
                throw new XProtectAuthenticationException($"XProtect server {_options.ShownServer}: a basic user needs a user name.");
            }

            try
            {
                return await PostAsync(new Uri(apiGateway, "IDP/connect/token"), Form("password"), cancellationToken).ConfigureAwait(false);
            }
            catch (XProtectException e) when (!(e is XProtectAuthenticationException))
            {
                // The gateway may be missing or down while the identity provider answers.
                return await PostAsync(new Uri(identityProvider, "connect/token"), Form("password"), cancellationToken).ConfigureAwait(false);
            }
        }

        private Dictionary<string, string> Form(string grant)
        {
            var form = new Dictionary<string, string> { ["grant_type"] = grant, ["client_id"] = ClientId };
            if (grant == "password")
            {
                form["username"] = _options.User!;
                form["password"] = _options.Password ?? string.Empty;
            }

            return form;
        }

        private async Task<(string, DateTimeOffset)> PostAsync(Uri endpoint, Dictionary<string, string> form, CancellationToken cancellationToken)
        {
            string body;
            HttpStatusCode status;
            try
            {
                using var content = new FormUrlEncodedContent(form);
                using var response = await _http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw XProtectHttp.Unreachable(_options, "login", e);
            }

            if (status == HttpStatusCode.BadRequest || status == HttpStatusCode.Unauthorized)
            {
                // invalid_grant (OAuth 2.0, RFC 6749 §5.2) is a wrong user or password; 401 a refused Negotiate.
                throw new XProtectAuthenticationException($"XProtect server {_options.ShownServer} refused the login of {_options.ShownUser}: {ErrorOf(body) ?? "wrong user name or password"}.");
            }

            if ((int)status < 200 || (int)status > 299)
            {
                throw new XProtectException($"XProtect server {_options.ShownServer}: login at {endpoint.AbsolutePath} answered HTTP {(int)status}.");
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                var token = root.GetProperty("access_token").GetString();
                var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 3600;
                if (string.IsNullOrEmpty(token) || lifetime <= 0)
                {
                    throw new XProtectException($"XProtect server {_options.ShownServer}: the login answer has no usable access token.");
                }

                return (token!, DateTimeOffset.UtcNow.AddSeconds(lifetime));
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException)
            {
                throw new XProtectException($"XProtect server {_options.ShownServer}: the login answer is not the expected JSON.", e);
            }
        }

        private static string? ErrorOf(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                {
                    var code = error.GetString();
                    return code == "invalid_grant" ? "wrong user name or password" : ServerText.Shown(code);
                }
            }
            catch (JsonException)
            {
            }

            return null;
        }

        private static Uri? Base(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? AsBase(value.GetString()) : null;

        private static Uri? AsBase(string? text) =>
            Uri.TryCreate(text?.EndsWith("/", StringComparison.Ordinal) == true ? text : text + "/", UriKind.Absolute, out var uri) ? uri : null;
    }
}
