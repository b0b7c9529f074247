using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace RtmpXProtect.Engine.Tests
{
    /// <summary>
    /// An ephemeral loopback port for what cannot bind port 0 itself (HttpListener, a settings
    /// field): free when returned, and never the same one twice in a run, as the kernel may hand a
    /// just-released port out again at once.
    /// </summary>
    internal static class FreePort
    {
        private static readonly HashSet<int> Given = new HashSet<int>();

        /// <summary>Binds 127.0.0.1:0, reads the port the kernel chose, and releases it.</summary>
        public static int Get()
        {
            lock (Given)
            {
                while (true)
                {
                    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
                    if (Given.Add(port))
                    {
                        return port;
                    }
                }
            }
        }
    }
}
