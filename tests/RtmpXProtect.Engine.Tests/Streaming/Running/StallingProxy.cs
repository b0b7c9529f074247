using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    /// <summary>
    /// A TCP relay to a real server that stops reading from its client when told: from the
    /// client's side, a destination whose socket takes no more bytes.
    /// </summary>
    internal sealed class StallingProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ManualResetEventSlim _flowing = new ManualResetEventSlim(true);
        private readonly Task _accept;

        public StallingProxy(int serverPort)
        {
            _listener.Start();
            _accept = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Socket client;
                    try
                    {
                        client = await _listener.AcceptSocketAsync(_stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    client.ReceiveBufferSize = 16 * 1024;
                    var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await server.ConnectAsync(IPAddress.Loopback, serverPort);
                    _ = Pump(client, server, stallable: true);
                    _ = Pump(server, client, stallable: false);
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Stops reading what the client sends.</summary>
        public void Stall() => _flowing.Reset();

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _flowing.Set();
            _listener.Stop();
            await _accept;
        }

        private async Task Pump(Socket from, Socket to, bool stallable)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    if (stallable)
                    {
                        await Task.Run(() => _flowing.Wait(_stop.Token));
                    }

                    var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception e) when (e is SocketException || e is OperationCanceledException || e is ObjectDisposedException)
            {
            }
            finally
            {
                from.Dispose();
                to.Dispose();
            }
        }
    }
}
