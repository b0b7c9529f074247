using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>Loopback UDP ports for peers that are told a port to receive on (ffmpeg reading an SDP file).</summary>
internal static class UdpPorts
{
    /// <summary>
    /// Binds 127.0.0.1:0 over UDP, reads the port the kernel chose, and releases it; never one of
    /// <paramref name="taken"/> or next to one, since an RTP receiver also binds the port above for RTCP.
    /// </summary>
    public static int Free(params int[] taken)
    {
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            if (port < 65535 && !taken.Any(t => Math.Abs(t - port) <= 1))
            {
                return port;
            }
        }
    }

    /// <summary>Waits until a process has bound <paramref name="port"/>: /proc/net/udp lists it (local address column, port in hex).</summary>
    public static async Task WaitUntilBoundAsync(int port, TimeSpan timeout)
    {
        var suffix = ":" + port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource(timeout);
        while (!File.ReadLines("/proc/net/udp").Skip(1).Any(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].EndsWith(suffix, StringComparison.Ordinal)))
        {
            await Task.Delay(20, stop.Token);
        }
    }
}
