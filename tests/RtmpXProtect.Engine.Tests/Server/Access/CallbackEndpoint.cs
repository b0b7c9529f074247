using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Tests.Server.Access
{
    /// <summary>A tiny HTTP endpoint on loopback that answers every POST with a fixed status, or never.</summary>
    internal sealed class CallbackEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly int? _status;

        public CallbackEndpoint(int? status)
        {
            _status = status;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/auth/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _ = ServeAsync();
        }

        public Uri Url { get; }

        /// <summary>Request bodies as received.</summary>
        public BlockingCollection<string> Bodies { get; } = new BlockingCollection<string>();

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException)
                {
                    return;
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    Bodies.Add(await reader.ReadToEndAsync());
                }

                if (_status is int status)
                {
                    context.Response.StatusCode = status;
                    context.Response.Close();
                }
            }
        }
    }
}
