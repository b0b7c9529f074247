using System;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>Attacks on the first bytes of a connection, with an honest publish and play alongside.</summary>
public sealed class HandshakeAttackTests
{
    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Garbage_instead_of_a_handshake_is_closed_as_InvalidHandshake_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x47; // 'G' of "GET": not 3 (RTMP) nor 6 (RTMPE)
        await attacker.SendAsync(garbage);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.InvalidHandshake);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_wrong_handshake_version_is_closed_as_InvalidHandshake_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        var c0c1 = new byte[1537];
        c0c1[0] = 9;
        await attacker.SendAsync(c0c1);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.InvalidHandshake);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_silent_socket_is_closed_as_HandshakeTimeout_while_ffmpeg_loses_no_frame()
    {
        // The decision timeout waits longer than the handshake timeout, so the one that bites is named.
        await using var server = AttackServer.Start(AttackServer.Options(limits => limits.DecisionTimeout = TimeSpan.FromSeconds(20)));
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.SendAsync(new byte[] { 3 });

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.HandshakeTimeout);
        await legit.AssertNoFrameLostAsync();
    }
}
