using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
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
            var json = new StringBuilder(256);
            json.Append("{\"action\":");
            JsonText.AppendString(json, request.Action == AccessAction.Publish ? "publish" : "play");
            json.Append(",\"app\":");
            JsonText.AppendString(json, request.App.Name.Trim('/'));
            json.Append(",\"stream\":");
            JsonText.AppendString(json, request.Stream.Name.Trim('/'));
            json.Append(",\"path\":");
            JsonText.AppendString(json, request.Path);
            json.Append(",\"params\":{");
            var first = true;
            foreach (var pair in parameters)
            {
                if (!first)
                {
                    json.Append(',');
                }

                first = false;
                JsonText.AppendString(json, pair.Key);
                json.Append(':');
                JsonText.AppendString(json, pair.Value);
            }

            json.Append("},\"remoteAddress\":");
            if (request.RemoteAddress == null)
            {
                json.Append("null");
            }
            else
            {
                JsonText.AppendString(json, request.RemoteAddress.ToString());
            }

            json.Append(",\"clientId\":").Append(request.ClientId.ToString(CultureInfo.InvariantCulture)).Append('}');
            return json.ToString();
        }
    }
}
