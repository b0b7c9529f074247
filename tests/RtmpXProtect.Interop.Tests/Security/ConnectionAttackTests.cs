using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>Attacks by number of sockets rather than by their content.</summary>
public sealed class ConnectionAttackTests
{
    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_thousand_idle_sockets_are_all_closed_while_ffmpeg_loses_no_frame()
    {
        // The decision timeout waits longer than the handshake timeout, so the one that bites is named.
        await using var server = AttackServer.Start(AttackServer.Options(limits => limits.DecisionTimeout = TimeSpan.FromSeconds(20)));
        await using var legit = await LegitimateSession.StartAsync(server);

        var attackers = new List<AttackClient>();
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                attackers.Add(await AttackClient.ConnectAsync(server.Port));
            }

            var closed = await Task.WhenAll(attackers.Select(a => a.ClosedByServerAsync(Attack.CloseTimeout)));
            Assert.All(closed, Assert.True);
            Assert.Equal(1000, server.Server.Rejections[RejectionReason.HandshakeTimeout]);
            Assert.Equal(1000, server.Server.Rejections.Snapshot().Values.Sum());
        }
        finally
        {
            attackers.ForEach(a => a.Dispose());
        }

        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_connection_flood_from_one_address_is_refused_as_ConnectionRateExceeded_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start(AttackServer.Options(limits => limits.NewConnectionsPerSecondPerAddress = 10));
        await using var legit = await LegitimateSession.StartAsync(server);

        var attackers = new List<AttackClient>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                attackers.Add(await ConnectOrNullAsync(server.Port) ?? throw new InvalidOperationException("connect failed"));
            }

            var closed = await Task.WhenAll(attackers.Select(a => a.ClosedByServerAsync(Attack.CloseTimeout)));
            Assert.All(closed, Assert.True);
            Assert.True(server.Server.Rejections[RejectionReason.ConnectionRateExceeded] >= 80, "most of the flood must be refused by rate");
        }
        finally
        {
            attackers.ForEach(a => a.Dispose());
        }

        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Half_open_connections_beyond_the_undecided_limit_are_refused_as_TooManyUndecidedConnections_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start(AttackServer.Options(limits => limits.MaxUndecidedConnections = 20));
        await using var legit = await LegitimateSession.StartAsync(server);

        var attackers = new List<AttackClient>();
        try
        {
            // Each completes the handshake and connects, then never publishes nor plays: undecided.
            for (var i = 0; i < 30; i++)
            {
                var attacker = await AttackClient.ConnectAsync(server.Port);
                attackers.Add(attacker);
                if (i < 20)
                {
                    await attacker.HandshakeAsync();
                    await attacker.SendConnectAsync();
                }
            }

            var closed = await Task.WhenAll(attackers.Select(a => a.ClosedByServerAsync(Attack.CloseTimeout)));
            Assert.All(closed, Assert.True);
            Assert.Equal(10, server.Server.Rejections[RejectionReason.TooManyUndecidedConnections]);
            Assert.Equal(20, server.Server.Rejections[RejectionReason.DecisionTimeout]);
        }
        finally
        {
            attackers.ForEach(a => a.Dispose());
        }

        await legit.AssertNoFrameLostAsync();
    }

    private static async Task<AttackClient?> ConnectOrNullAsync(int port)
    {
        try
        {
            return await AttackClient.ConnectAsync(port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
