using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// `rtmpx serve` under systemd (a unit of Type=notify): READY=1 once it listens, STOPPING=1 on
/// SIGTERM, then a clean exit. The notification socket is the test's own, as systemd's would be
/// (sd_notify(3): a datagram per state change to $NOTIFY_SOCKET).
/// </summary>
public sealed class ServiceReadinessCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Serve_tells_systemd_it_is_ready_once_it_listens_and_that_it_stops_on_sigterm()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(path));
        await using var rtmpx = RtmpxCli.StartWithEnvironment(new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = path }, "serve", "--listen", "127.0.0.1:0", "--no-api");

        Assert.Equal("READY=1", await ReceiveAsync(notify));
        // Ready means listening: the port is in the log already and takes a connection.
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, TimeSpan.FromSeconds(1));
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
        }

        RtmpxCli.Terminate(rtmpx);
        Assert.Equal("STOPPING=1", await ReceiveAsync(notify));
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[512];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(Step);
        return Encoding.UTF8.GetString(buffer, 0, read).Trim();
    }
}
