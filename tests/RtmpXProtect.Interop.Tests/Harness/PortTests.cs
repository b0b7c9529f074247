using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Harness;

/// <summary>Ephemeral ports and the readiness wait.</summary>
public sealed class PortTests
{
    [Fact]
    public void Hands_out_a_port_that_can_be_bound()
    {
        var port = FreePort.Get();
        Assert.InRange(port, 1024, 65535);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Fact]
    public async Task Returns_once_something_listens()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await TcpReady.WaitAsync(port, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Gives_up_when_nothing_listens()
    {
        var port = FreePort.Get();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => TcpReady.WaitAsync(port, TimeSpan.FromMilliseconds(300)));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }
}
