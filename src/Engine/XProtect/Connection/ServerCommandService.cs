using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// SOAP <c>Login</c> on ServerCommandServiceOAuth.svc, which turns the OAuth access token into
    /// the recorder token (Milestone's OauthLoginFlow and ServerCommandWrapper samples). Answers
    /// are read by local name: clients and servers differ in their prefixes.
    /// </summary>
    internal sealed class ServerCommandService
    {
        private const string Namespace = "http://videoos.net/2/XProtectCSServerCommand";
        private const string LoginAction = Namespace + "/IServerCommandService/Login";

        private readonly HttpClient _http;
        private readonly XProtectServerOptions _options;
        private readonly Guid _instanceId = Guid.NewGuid();

        public ServerCommandService(HttpClient http, XProtectServerOptions options)
        {
            _http = http;
            _options = options;
        }

        /// <summary>A recorder token for <paramref name="accessToken"/>; with <paramref name="current"/> a refresh of it.</summary>
        public async Task<RecorderToken> LoginAsync(string accessToken, RecorderToken? current, CancellationToken cancellationToken)
        {
            // The same instance id on every Login of a session: the server ties the refresh to it (SCW).
            var envelope = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<Login xmlns=\"" + Namespace + "\"><instanceId>" + _instanceId.ToString("D") + "</instanceId>"
                + (current == null ? "<currentToken/>" : "<currentToken>" + SecurityElement.Escape(current.Value) + "</currentToken>")
                + "</Login></s:Body></s:Envelope>";
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.ShownServer + "/"), "ManagementServer/ServerCommandServiceOAuth.svc"))
            {
                Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.TryAddWithoutValidation("SOAPAction", LoginAction);
            byte[] answer;
            int status;
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw XProtectHttp.Unreachable(_options, "recorder token login", e);
            }

            return Parse(answer, status);
        }

        private RecorderToken Parse(byte[] answer, int status)
        {
            string? token = null, fault = null;
            long? microseconds = null;
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = XProtectHttp.MaxAnswerBytes };
                using var reader = XmlReader.Create(new MemoryStream(answer), settings);
                bool inTimeToLive = false;
                reader.Read();
                while (!reader.EOF)
                {
                    // ReadElementContentAsString moves past the element itself: no Read() after it.
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Token")
                    {
                        token ??= reader.ReadElementContentAsString().Trim();
                    }
                    else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "MicroSeconds" && inTimeToLive)
                    {
                        microseconds = long.TryParse(reader.ReadElementContentAsString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
                    }
                    else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "faultstring")
                    {
                        fault ??= reader.ReadElementContentAsString().Trim();
                    }
                    else
                    {
                        if (reader.LocalName == "TimeToLive")
                        {
                            inTimeToLive = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
                        }

                        reader.Read();
                    }
                }
            }
            catch (XmlException)
            {
                throw new XProtectException($"XProtect server {_options.ShownServer}: the Login answer (HTTP {status}) is not well-formed XML.");
            }

            if (fault != null || status == 401 || status == 403)
            {
                throw new XProtectAuthenticationException($"XProtect server {_options.ShownServer} refused the recorder token login of {_options.ShownUser}: {ServerText.Shown(fault) ?? "HTTP " + status}.");
            }

            if (string.IsNullOrEmpty(token))
            {
                throw new XProtectException($"XProtect server {_options.ShownServer}: the Login answer (HTTP {status}) has no Token.");
            }

            // TimeToLive is given in microseconds (SCW); a missing one is taken as the 1 h SCW documents.
            var lifetime = microseconds is long us && us > 0 ? TimeSpan.FromTicks(Math.Min(us, (long)TimeSpan.FromDays(30).TotalMilliseconds * 1000) * 10) : TimeSpan.FromHours(1);
            return new RecorderToken(token!, DateTimeOffset.UtcNow + lifetime);
        }

    }
}
