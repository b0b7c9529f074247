using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Serilog;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// POSTs one event to one webhook, retrying with exponential backoff; a failure is logged,
    /// never thrown, since a receiver being down must not affect streaming.
    /// </summary>
    internal sealed class WebhookSender
    {
        private readonly HttpClient _http;
        private readonly ILogger _log;

        public WebhookSender(HttpClient http, ILogger log)
        {
            _http = http;
            _log = log;
        }

        /// <summary>The HMAC-SHA256 of <paramref name="body"/> as the X-Rtmpx-Signature header value.</summary>
        public static string Signature(byte[] secret, byte[] body)
        {
            using var hmac = new HMACSHA256(secret);
            var hash = hmac.ComputeHash(body);
            var text = new StringBuilder("sha256=", 7 + hash.Length * 2);
            foreach (var b in hash)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        public async Task SendAsync(WebhookTarget target, string eventName, byte[] body, CancellationToken abandon)
        {
            var shown = ShownUrl.Of(target.Url);
            var signature = target.Secret == null ? null : Signature(target.Secret, body);
            var delay = target.FirstRetryDelay;
            for (var attempt = 1; ; attempt++)
            {
                var failure = await TryOnceAsync(target, eventName, body, signature, abandon).ConfigureAwait(false);
                if (failure == null)
                {
                    _log.Debug("Webhook {Url} took {Event} (attempt {Attempt})", shown, eventName, attempt);
                    return;
                }

                if (attempt > target.Retries || abandon.IsCancellationRequested)
                {
                    _log.Warning("Webhook {Url} failed for {Event} after {Attempts} attempts: {Failure}", shown, eventName, attempt, failure);
                    return;
                }

                _log.Information("Webhook {Url} failed for {Event} ({Failure}); retrying in {Delay} s", shown, eventName, failure, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, abandon).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _log.Warning("Webhook {Url} abandoned for {Event}: the server stopped", shown, eventName);
                    return;
                }

                delay = TimeSpan.FromTicks(delay.Ticks * 2);
            }
        }

        // Null on a 2xx answer, else what went wrong (never the URL's query or the secret).
        private async Task<string?> TryOnceAsync(WebhookTarget target, string eventName, byte[] body, string? signature, CancellationToken abandon)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abandon);
            timeout.CancelAfter(target.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add("X-Rtmpx-Event", eventName);
            if (signature != null)
            {
                request.Headers.Add("X-Rtmpx-Signature", signature);
            }

            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                return status >= 200 && status < 300 ? null : "HTTP " + status;
            }
            catch (OperationCanceledException)
            {
                return abandon.IsCancellationRequested ? "server stopping" : "timed out after " + target.Timeout.TotalSeconds + " s";
            }
            catch (HttpRequestException e)
            {
                // The message names the host at most; the request URI with its query is not in it.
                return (e.InnerException ?? e).GetType().Name;
            }
        }
    }
}
