using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Tests.Shared;
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
    public void Hands_out_ports_below_the_ephemeral_range_which_no_bind_to_port_0_is_given()
    {
        var range = "/proc/sys/net/ipv4/ip_local_port_range";
        Assert.True(File.Exists(range), range + " is missing");
        var first = int.Parse(File.ReadAllText(range).Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Get()).ToList();
        Assert.All(ports, port => Assert.InRange(port, 1024, first - 1));
        Assert.Equal(ports.Count, ports.Distinct().Count());
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
