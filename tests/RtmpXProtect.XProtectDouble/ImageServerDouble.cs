using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.XProtectDouble;

/// <summary>The Recording Server's ImageServer (TCP, TLS first when its WebServerUri is https; TVV).</summary>
internal sealed class ImageServerDouble : IAsyncDisposable
{
    private readonly XProtectDoubleServer _owner;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = new();
    private X509Certificate2? _certificate;
    private Task _accept = Task.CompletedTask;

    public ImageServerDouble(XProtectDoubleServer owner) => _owner = owner;

    public Uri Address { get; private set; } = new("http://127.0.0.1:7563/");

    public int ConnectionsAccepted { get; private set; }

    public void Start(X509Certificate2? certificate)
    {
        _certificate = certificate;
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Address = new Uri($"{(certificate == null ? "http" : "https")}://127.0.0.1:{port}/");
        _accept = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException || e is SocketException)
        {
        }

        Task[] running;
        lock (_connections)
        {
            running = _connections.ToArray();
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            ConnectionsAccepted++;
            lock (_connections)
            {
                _connections.Add(ServeAsync(client, ConnectionsAccepted));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int number)
    {
        using (client)
        {
            try
            {
                client.NoDelay = true;
                Stream stream = client.GetStream();
                if (_certificate != null)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    await tls.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                    stream = tls;
                }

                await using var connection = new ImageServerDoubleConnection(_owner, stream, number);
                await connection.RunAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException || e is OperationCanceledException || e is ObjectDisposedException || e is System.Security.Authentication.AuthenticationException || e is SocketException)
            {
                // A client that leaves, a refused certificate or the double stopping: nothing to report.
            }
        }
    }
}
