using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>
    /// Asks an integrator's HTTP endpoint: POST of a JSON object
    /// <c>{"action":"publish"|"play","app":…,"stream":…,"path":…,"params":{…},"remoteAddress":…,"clientId":…}</c>;
    /// a 2xx answer allows, anything else, an error or the timeout refuses. The parameters are
    /// sent (integrators check their own tokens in them) but never logged.
    /// </summary>
    internal sealed class AccessCallback
    {
        private readonly HttpClient _http;
        private readonly Uri _url;
        private readonly TimeSpan _timeout;

        public AccessCallback(HttpClient http, Uri url, TimeSpan timeout)
        {
            _http = http;
            _url = url;
            _timeout = timeout;
        }

        /// <summary>Null when allowed, else why not (for the log).</summary>
        public async Task<string?> AskAsync(AccessRequest request, IReadOnlyDictionary<string, string> parameters, CancellationToken cancel)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(_timeout);
            try
            {
                using var content = new StringContent(Body(request, parameters), Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(_url, content, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                return status >= 200 && status < 300 ? null : "the callback answered " + status.ToString(CultureInfo.InvariantCulture);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return "the callback did not answer within " + _timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
            }
            catch (HttpRequestException e)
            {
                return "the callback failed: " + e.Message;
            }
        }

        internal static string Body(AccessRequest request, IReadOnlyDictionary<string, string> parameters)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("action", request.Action == AccessAction.Publish ? "publish" : "play");
                json.WriteString("app", request.App.Name.Trim('/'));
                json.WriteString("stream", request.Stream.Name.Trim('/'));
                json.WriteString("path", request.Path);
                json.WriteStartObject("params");
                foreach (var pair in parameters)
                {
                    json.WriteString(pair.Key, pair.Value);
                }

                json.WriteEndObject();
                if (request.RemoteAddress == null)
                {
                    json.WriteNull("remoteAddress");
                }
                else
                {
                    json.WriteString("remoteAddress", request.RemoteAddress.ToString());
                }

                json.WriteNumber("clientId", request.ClientId);
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
