using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace RtmpXProtect.Tests.Shared;

/// <summary>
/// A loopback port for what cannot bind port 0 itself (nginx, HttpListener, a port written into a
/// DSC document), free when returned. It comes from below the kernel's ephemeral range, so no bind
/// to port 0 and no outgoing connection, in this process or another, is given it before its user
/// binds it. A port the kernel picked and released can be handed out again at once, and was: a DSC
/// site's status API port went to another server's RTSP listener on port 0. Never the same one twice in a run.
/// </summary>
public static class FreePort
{
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";
    private static readonly HashSet<int> Given = new();
    private static readonly Random Pick = new();

    /// <summary>A port no other test of this run was given and nothing listens on now.</summary>
    public static int Get()
    {
        lock (Given)
        {
            var (low, high) = Range();
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Pick.Next(low, high);
                if (!Given.Contains(port) && CanBind(port))
                {
                    Given.Add(port);
                    return port;
                }
            }

            throw new InvalidOperationException($"no free loopback port in {low}-{high - 1}");
        }
    }

    // Up to 12 000 ports below the first ephemeral one (32768 on Linux by default; Windows starts at 49152).
    private static (int Low, int High) Range()
    {
        var first = 32768;
        if (File.Exists(EphemeralRange) && int.TryParse(File.ReadAllText(EphemeralRange).Split('\t', ' ')[0], out var configured))
        {
            first = configured;
        }

        return first - 1024 >= 1000 ? (Math.Max(1024, first - 12000), first) : (20000, 30000);
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
