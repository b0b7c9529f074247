using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming.Sources;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspUdpTrackTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_track_binds_an_even_port_and_the_odd_one_after_it()
    {
        using var track = RtspUdpTrack.Bind(IPAddress.Loopback);
        Assert.Equal(0, track.Port % 2);

        // Both are taken: another socket cannot have the RTCP port.
        var e = Assert.Throws<SocketException>(() => new UdpClient(new IPEndPoint(IPAddress.Loopback, track.Port + 1)));
        Assert.Equal(SocketError.AddressAlreadyInUse, e.SocketErrorCode);
    }

    [Fact]
    public async Task The_servers_packets_come_out_in_order_and_anothers_are_ignored()
    {
        using var serverRtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var stranger = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        using var track = RtspUdpTrack.Bind(IPAddress.Loopback);
        track.Connect(IPAddress.Loopback, Port(serverRtp), Port(serverRtp) + 1);
        var client = new IPEndPoint(IPAddress.Loopback, track.Port);

        await stranger.SendAsync(Packet(1), 13, client);
        var spoofed = await track.ReceiveAsync().WaitAsync(Wait);
        Assert.False(track.IsFromServer(spoofed));
        Assert.Empty(track.Take(spoofed, DateTime.UtcNow));

        var now = DateTime.UtcNow;
        await serverRtp.SendAsync(Packet(1), 13, client);
        Assert.Single(track.Take(await track.ReceiveAsync().WaitAsync(Wait), now));
        await serverRtp.SendAsync(Packet(3), 13, client);
        Assert.Empty(track.Take(await track.ReceiveAsync().WaitAsync(Wait), now));
        await serverRtp.SendAsync(Packet(2), 13, client);
        var released = track.Take(await track.ReceiveAsync().WaitAsync(Wait), now);
        Assert.Equal(new[] { 2, 3 }, released.Select(p => (p[2] << 8) | p[3]));
    }

    [Fact]
    public async Task A_lost_packet_is_waited_for_half_a_second_at_most()
    {
        using var serverRtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var track = RtspUdpTrack.Bind(IPAddress.Loopback);
        track.Connect(IPAddress.Loopback, Port(serverRtp), Port(serverRtp) + 1);
        var client = new IPEndPoint(IPAddress.Loopback, track.Port);
        var start = DateTime.UtcNow;

        foreach (var (sequence, at, expected) in new[] { (1, 0, 1), (3, 10, 0), (4, 400, 0), (5, 600, 3) })
        {
            await serverRtp.SendAsync(Packet(sequence), 13, client);
            Assert.Equal(expected, track.Take(await track.ReceiveAsync().WaitAsync(Wait), start.AddMilliseconds(at)).Count);
        }
    }

    [Fact]
    public async Task A_punch_reaches_the_servers_rtp_and_rtcp_ports_the_latter_with_a_receiver_report()
    {
        using var serverRtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var serverRtcp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var track = RtspUdpTrack.Bind(IPAddress.Loopback);
        track.Connect(IPAddress.Loopback, Port(serverRtp), Port(serverRtcp));

        await track.PunchAsync();

        var rtp = await serverRtp.ReceiveAsync().WaitAsync(Wait);
        Assert.Equal(track.Port, rtp.RemoteEndPoint.Port);
        Assert.Equal(0x80, rtp.Buffer[0]);
        var rtcp = await serverRtcp.ReceiveAsync().WaitAsync(Wait);
        Assert.Equal(track.Port + 1, rtcp.RemoteEndPoint.Port);
        Assert.Equal(201, rtcp.Buffer[1]);
    }

    private static int Port(UdpClient client) => ((IPEndPoint)client.Client.LocalEndPoint!).Port;

    private static byte[] Packet(int sequence) => new byte[] { 0x80, 96, (byte)(sequence >> 8), (byte)sequence, 0, 0, 0, 0, 0, 0, 0, 1, 0x41 };
}
