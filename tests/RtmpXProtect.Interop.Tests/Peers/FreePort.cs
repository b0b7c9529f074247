using System.Net;
using System.Net.Sockets;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// An ephemeral loopback port for peers that cannot be told to listen on port 0 (nginx).
/// The port is free when returned; another process could take it before the peer binds,
/// which the ephemeral range makes unlikely and a failing bind makes visible.
/// </summary>
public static class FreePort
{
    /// <summary>Binds 127.0.0.1:0, reads the port the kernel chose, and releases it.</summary>
    public static int Get()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
