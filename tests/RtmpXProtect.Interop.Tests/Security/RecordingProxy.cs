using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>
/// A one-connection TCP proxy that keeps what the client sent: how the fuzz corpora are taken from
/// real ffmpeg sessions without touching the server.
/// </summary>
public sealed class RecordingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly MemoryStream _clientBytes = new();
    private readonly Task _relay;

    public RecordingProxy(int serverPort)
    {
        _listener.Start();
        _relay = RelayAsync(serverPort);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when both directions ended; then <see cref="ClientBytes"/> is whole.</summary>
    public Task Finished => _relay;

    /// <summary>
    /// What the client sent, one record per read from its socket: a 4-byte big-endian length, then the
    /// bytes. The reads keep where the client paused for an answer (after connect, after createStream),
    /// which a replay must keep too: the server handles a command only after accepting connect.
    /// </summary>
    public byte[] ClientBytes()
    {
        lock (_clientBytes)
        {
            return _clientBytes.ToArray();
        }
    }

    public void Dispose() => _listener.Stop();

    private async Task RelayAsync(int serverPort)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, serverPort);
        var up = CopyAsync(client.GetStream(), server.GetStream(), record: true, server.Client);
        var down = CopyAsync(server.GetStream(), client.GetStream(), record: false, client.Client);
        await Task.WhenAll(up, down);
    }

    private async Task CopyAsync(Stream from, Stream to, bool record, Socket target)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                if (record)
                {
                    lock (_clientBytes)
                    {
                        _clientBytes.Write(new[] { (byte)(read >> 24), (byte)(read >> 16), (byte)(read >> 8), (byte)read });
                        _clientBytes.Write(buffer, 0, read);
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (IOException)
        {
            // One side reset: the other is shut below, as a closed socket would be.
        }

        try
        {
            target.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }
    }
}
