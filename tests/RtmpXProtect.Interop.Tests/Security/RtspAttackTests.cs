using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>
/// Hostile RTSP peers on the RTSP port: each gets a clear answer or a closed socket and a named
/// reason, while an RTMP publish and its player beside them lose nothing.
/// </summary>
public sealed class RtspAttackTests
{
    private static InProcessServer Start(Action<AdmissionLimits>? limits = null)
    {
        var options = AttackServer.Options(limits);
        options.RtspEndpoint = new IPEndPoint(IPAddress.Loopback, 0);

        // A range of its own, so the sockets counted are this server's, not those of RTSP tests beside it.
        options.RtspUdpPorts = new Engine.Server.Rtsp.PortRange(47000, 47099);
        return AttackServer.Start(options);
    }

    private static int RtspPort(InProcessServer server) => server.Server.RtspLocalEndPoint.Port;

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Garbage_and_a_huge_header_are_answered_400_and_closed_while_ffmpeg_loses_no_frame()
    {
        await using var server = Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using (var garbage = await AttackClient.ConnectAsync(RtspPort(server)))
        {
            await garbage.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x00, 0xFF, 0x00, 0x01, 0x02 });
            await Attack.AssertClosedWithAsync(server, garbage, RejectionReason.ProtocolError);
        }

        using (var huge = await AttackClient.ConnectAsync(RtspPort(server)))
        {
            await huge.SendAsync(Encoding.ASCII.GetBytes("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Pad: " + new string('a', 64 * 1024)));
            await Attack.AssertClosedWithAsync(server, huge, RejectionReason.ProtocolError);
        }

        Assert.Equal(2, server.Server.Rejections[RejectionReason.ProtocolError]);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task An_interleaved_frame_that_never_completes_is_closed_at_the_decision_timeout_while_ffmpeg_loses_no_frame()
    {
        await using var server = Start();
        await using var legit = await LegitimateSession.StartAsync(server);
        using var attacker = await AttackClient.ConnectAsync(RtspPort(server));

        // 65535 bytes announced, ten sent: the server holds at most that one frame and waits for a decision that never comes.
        await attacker.SendAsync(new byte[] { (byte)'$', 0, 0xFF, 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.DecisionTimeout);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Requests_whose_answers_are_never_read_end_at_the_memory_budget_while_ffmpeg_loses_no_frame()
    {
        await using var server = Start(limits => limits.MemoryBudgetPerConnection = 1024 * 1024);
        await using var legit = await LegitimateSession.StartAsync(server);
        using var attacker = await AttackClient.ConnectAsync(RtspPort(server));
        var options = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, 2000).Select(i => $"OPTIONS * RTSP/1.0\r\nCSeq: {i}\r\n\r\n")));

        // The attacker never reads: answers pile up in the server's queue until the budget ends them.
        try
        {
            for (var i = 0; i < 200; i++)
            {
                await attacker.SendAsync(options).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is TimeoutException || e is System.Net.Sockets.SocketException || e is IOException)
        {
            // The server stopped reading, or closed: either way it is not holding more.
        }

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.MemoryBudgetExceeded);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Thousands_of_setups_are_answered_without_holding_more_than_one_port_pair_per_track()
    {
        await using var server = Start(limits => limits.DecisionTimeout = TimeSpan.FromSeconds(20));
        await using var legit = await LegitimateSession.StartAsync(server);
        using var attacker = await AttackClient.ConnectAsync(RtspPort(server));
        var url = $"rtsp://127.0.0.1:{RtspPort(server)}/live/cam1/trackID=0";
        var setups = new StringBuilder();
        for (var i = 1; i <= 3000; i++)
        {
            setups.Append($"SETUP {url} RTSP/1.0\r\nCSeq: {i}\r\nTransport: RTP/AVP;unicast;client_port={20000 + (2 * (i % 100))}-{20001 + (2 * (i % 100))}\r\n\r\n");
        }

        var answers = attacker.ReceiveUntilAsync("CSeq: 3000\r\n", TimeSpan.FromSeconds(30));
        await attacker.SendAsync(Encoding.ASCII.GetBytes(setups.ToString()));

        // A SETUP again changes the track's transport (RFC 2326 §10.4): each is answered, all on the one pair.
        var text = await answers;
        Assert.Equal(3000, CountOf(text, "RTSP/1.0 200 OK"));
        Assert.Single(text.Split("\r\n").Where(l => l.StartsWith("Transport:", StringComparison.Ordinal)).Select(l => l.Substring(l.IndexOf("server_port=", StringComparison.Ordinal))).Distinct());
        Assert.InRange(UdpSocketsIn(server.Server.Options.RtspUdpPorts), 0, 2);
        await legit.AssertNoFrameLostAsync();
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // UDP sockets bound in the range, from the kernel's table (local port is the second field's hex after the colon).
    private static int UdpSocketsIn(Engine.Server.Rtsp.PortRange range)
        => File.ReadAllLines("/proc/net/udp").Skip(1)
            .Select(line => Convert.ToInt32(line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].Split(':')[1], 16))
            .Count(port => port >= range.First && port <= range.Last);
}
