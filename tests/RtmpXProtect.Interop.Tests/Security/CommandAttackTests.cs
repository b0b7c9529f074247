using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>Attacks in AMF commands after a valid handshake.</summary>
public sealed class CommandAttackTests
{
    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Amf_nested_10000_deep_is_closed_as_MalformedAmf_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        var payload = new List<byte>(Amf0Writer.Serialize("connect", 1.0));
        for (var i = 0; i < 10_000; i++)
        {
            payload.AddRange(new byte[] { 0x0A, 0, 0, 0, 1 }); // strict array of one element: the next
        }

        payload.Add(0x05);
        await attacker.SendCommandAsync(payload.ToArray());

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.MalformedAmf);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Truncated_amf_is_closed_as_MalformedAmf_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        var whole = Amf0Writer.Serialize("connect", 1.0, new AmfObject { { "app", "live" }, { "tcUrl", "rtmp://127.0.0.1/live" } });
        await attacker.SendCommandAsync(whole.AsSpan(0, whole.Length - 9).ToArray());

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.MalformedAmf);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData("publish")]
    [InlineData("play")]
    public async Task A_publish_or_play_before_connect_is_closed_as_CommandBeforeConnect_while_ffmpeg_loses_no_frame(string command)
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        await attacker.SendCommandAsync(Amf0Writer.Serialize(command, 0.0, null, "cam1"), streamId: 1);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.CommandBeforeConnect);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData("")]
    [InlineData("?key=x")]
    public async Task An_invalid_stream_name_is_refused_and_closed_as_DecisionTimeout_while_ffmpeg_loses_no_frame(string name)
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await PublishAsync(attacker, name);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.DecisionTimeout);
        await legit.AssertNoFrameLostAsync();
    }

    /// <summary>Handshake, connect, createStream and publish on stream 1, without waiting for answers.</summary>
    internal static async Task PublishAsync(AttackClient attacker, string name)
    {
        await attacker.HandshakeAsync();
        await attacker.SendConnectAsync();
        await attacker.ReceiveAnswerAsync();
        await attacker.SendCommandAsync(Amf0Writer.Serialize("createStream", 2.0, null));
        await attacker.SendCommandAsync(Amf0Writer.Serialize("publish", 3.0, null, name, "live"), streamId: 1);
    }
}
