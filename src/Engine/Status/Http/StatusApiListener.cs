using System;
using System.Net;
using System.Threading.Tasks;
using Serilog;

namespace RtmpXProtect.Engine.Status.Http
{
    /// <summary>
    /// Serves <see cref="StatusApiRoutes"/> on a loopback port with <see cref="HttpListener"/>, the
    /// HTTP server .NET Framework has (http.sys on Windows), so a Recording Server or Event Server
    /// needs no ASP.NET Core. Loopback only: the API has no authentication.
    /// </summary>
    internal sealed class StatusApiListener : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly StatusApiRoutes _routes;
        private readonly ILogger _log;
        private readonly Task _accepting;

        private StatusApiListener(HttpListener listener, StatusApiRoutes routes, ILogger log, int port)
        {
            _listener = listener;
            _routes = routes;
            _log = log;
            Port = port;
            _accepting = Task.Run(AcceptAsync);
        }

        /// <summary>The loopback port served.</summary>
        public int Port { get; }

        /// <summary>"http://127.0.0.1:PORT", as -Api takes it.</summary>
        public Uri Address => new Uri("http://127.0.0.1:" + Port);

        /// <summary>Serves <paramref name="routes"/> on 127.0.0.1:<paramref name="port"/>.</summary>
        /// <exception cref="HttpListenerException">The port is taken (or, on Windows, not reserved for this account).</exception>
        public static StatusApiListener Start(int port, StatusApiRoutes routes, ILogger log)
        {
            var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            return new StatusApiListener(listener, routes, log, port);
        }

        /// <summary>
        /// Serves <paramref name="routes"/> on 127.0.0.1:<paramref name="port"/>, or nothing when the
        /// port is 0 or cannot be had: what the status API reports matters less than the streams it
        /// reports on, so a taken port only warns.
        /// </summary>
        public static StatusApiListener? TryStart(int port, StatusApiRoutes routes, ILogger log)
        {
            if (port <= 0)
            {
                return null;
            }

            try
            {
                var api = Start(port, routes, log);
                log.Information("Status API on {Address}", api.Address);
                return api;
            }
            catch (HttpListenerException e)
            {
                log.Warning("No status API on 127.0.0.1:{Port}: {Error}; give it another port", port, e.Message);
                return null;
            }
        }

        /// <summary>Stops listening; requests in flight are abandoned.</summary>
        public void Dispose()
        {
            _listener.Close();
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => Answer(context));
            }
        }

        private void Answer(HttpListenerContext context)
        {
            try
            {
                var request = context.Request;
                var answer = _routes.Answer(request.HttpMethod, request.Url?.AbsolutePath ?? "/", request.QueryString);
                var response = context.Response;
                response.StatusCode = answer.StatusCode;
                response.ContentType = "application/json; charset=utf-8";
                response.ContentLength64 = answer.Body.Length;
                response.OutputStream.Write(answer.Body, 0, answer.Body.Length);
                response.Close();
            }
            catch (Exception e)
            {
                // A client that went away, or a status source that failed: that request alone is lost.
                _log.Debug("Status API request failed: {Error}", e.Message);
                context.Response.Abort();
            }
        }
    }
}
