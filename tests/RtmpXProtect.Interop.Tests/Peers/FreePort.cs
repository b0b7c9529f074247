using System.Collections.Generic;
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
    // The kernel may hand a just-released port out again at once, so two ports asked for in a
    // row (a server's RTMP and RTMPS ports) could be the same; never return one twice per run.
    private static readonly HashSet<int> Given = new();

    /// <summary>Binds 127.0.0.1:0, reads the port the kernel chose, and releases it.</summary>
    public static int Get()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
                if (Given.Add(port)) return port;
            }
        }
    }
}
