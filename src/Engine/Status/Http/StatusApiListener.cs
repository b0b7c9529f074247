using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Serilog;

namespace RtmpXProtect.Engine.Status.Http
{
    /// <summary>
    /// Serves <see cref="StatusApiRoutes"/> over HTTP/1.1 on a loopback port, one request per
    /// connection, for the hosts that have no ASP.NET Core (a Recording Server or Event Server on
    /// .NET Framework). A plain socket rather than HttpListener: on Windows that is http.sys, which
    /// refuses a service running as NETWORK SERVICE a port no administrator reserved for it.
    /// Loopback only: the API has no authentication.
    /// </summary>
    internal sealed class StatusApiListener : IDisposable
    {
        /// <summary>Connections served at once; more are closed unanswered (a status poller needs one).</summary>
        internal const int MaxConnections = 16;

        private static readonly TimeSpan DefaultHeadTimeout = TimeSpan.FromSeconds(5);
        private readonly TcpListener _listener;
        private readonly StatusApiRoutes _routes;
        private readonly ILogger _log;
        private readonly TimeSpan _headTimeout;
        private readonly SemaphoreSlim _slots = new SemaphoreSlim(MaxConnections, MaxConnections);
        private readonly Task _accepting;

        private StatusApiListener(TcpListener listener, StatusApiRoutes routes, ILogger log, TimeSpan headTimeout)
        {
            _listener = listener;
            _routes = routes;
            _log = log;
            _headTimeout = headTimeout;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _accepting = Task.Run(AcceptAsync);
        }

        /// <summary>The loopback port served.</summary>
        public int Port { get; }

        /// <summary>"http://127.0.0.1:PORT", as -Api takes it.</summary>
        public Uri Address => new Uri("http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture));

        /// <summary>
        /// Serves <paramref name="routes"/> on 127.0.0.1:<paramref name="port"/> (0: a port the
        /// system picks), giving a client <paramref name="headTimeout"/> (5 s by default) to send its request head.
        /// </summary>
        /// <exception cref="SocketException">The port is taken.</exception>
        public static StatusApiListener Start(int port, StatusApiRoutes routes, ILogger log, TimeSpan? headTimeout = null)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return new StatusApiListener(listener, routes, log, headTimeout ?? DefaultHeadTimeout);
        }

        /// <summary>
        /// Serves <paramref name="routes"/> on 127.0.0.1:<paramref name="port"/>, or nothing when the
        /// port is 0 or taken: what the status API reports matters less than the streams it
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
            catch (SocketException e)
            {
                log.Warning("No status API on 127.0.0.1:{Port}: {Error}; give it another port", port, e.Message);
                return null;
            }
        }

        /// <summary>Stops listening; requests in flight finish or fail on their own.</summary>
        public void Dispose()
        {
            _listener.Stop();
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }

                if (!_slots.Wait(0))
                {
                    client.Dispose();
                    continue;
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                using (client)
                using (var timeout = new CancellationTokenSource(_headTimeout))
                using (timeout.Token.Register(client.Dispose))
                {
                    var stream = client.GetStream();
                    var answer = await ReadAnswerAsync(stream).ConfigureAwait(false);
                    if (answer != null)
                    {
                        var head = Encoding.ASCII.GetBytes(
                            "HTTP/1.1 " + answer.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + Reason(answer.StatusCode) + "\r\n" +
                            "Content-Type: application/json; charset=utf-8\r\n" +
                            "Content-Length: " + answer.Body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n" +
                            "Connection: close\r\n\r\n");
                        await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
                        await stream.WriteAsync(answer.Body, 0, answer.Body.Length).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is System.IO.IOException || e is SocketException || e is ObjectDisposedException)
            {
                // A client that went away or was too slow: that request alone is lost.
                _log.Debug("Status API connection ended: {Error}", e.Message);
            }
#pragma warning disable CA1031 // A status source that failed must not end the listener.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _log.Warning("Status API request failed: {Error}", e.Message);
            }
            finally
            {
                _slots.Release();
            }
        }

        // Null when the client closed before sending a whole head. The loop ends within MaxLength
        // bytes: a full buffer without the head's end is TryParse's TooLong error.
        private async Task<StatusApiAnswer?> ReadAnswerAsync(NetworkStream stream)
        {
            var buffer = new byte[HttpRequestHead.MaxLength];
            var received = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer, received, buffer.Length - received).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                received += read;
                var head = HttpRequestHead.TryParse(new ReadOnlySpan<byte>(buffer, 0, received), out var error);
                if (error != null)
                {
                    return StatusApiRoutes.Error(400, error);
                }

                if (head != null)
                {
                    return _routes.Answer(head.Method, head.Path, head.Query);
                }
            }
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "Error",
        };
    }
}
