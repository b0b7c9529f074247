using System;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>Attacks on the chunk layer after a valid handshake.</summary>
public sealed class ChunkAttackTests
{
    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData(0)]
    [InlineData(int.MinValue)] // 2^31 on the wire: the top bit RTMP reserves
    public async Task A_set_chunk_size_of_zero_or_two_to_the_31_is_closed_as_InvalidChunkSize_while_ffmpeg_loses_no_frame(int size)
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        var payload = BitConverter.GetBytes(size);
        Array.Reverse(payload);

        // By hand: the engine's encoder refuses to frame such a message.
        var chunk = new byte[] { 2, 0, 0, 0, 0, 0, 4, (byte)MessageType.SetChunkSize, 0, 0, 0, 0 };
        await attacker.SendAsync([.. chunk, .. payload]);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.InvalidChunkSize);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Sixteen_MiB_messages_declared_on_60_chunk_streams_are_closed_as_MessageTooLarge_while_ffmpeg_loses_no_frame()
    {
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        var chunks = new byte[60 * (12 + 128)];
        for (var i = 0; i < 60; i++)
        {
            var at = i * (12 + 128);
            chunks[at] = (byte)(3 + i); // fmt 0, chunk streams 3..62
            chunks[at + 4] = 0xFF; // message length 0xFFFFFF: the most the 24-bit field can declare
            chunks[at + 5] = 0xFF;
            chunks[at + 6] = 0xFF;
            chunks[at + 7] = (byte)MessageType.Video;
            chunks[at + 8] = 1;
        }

        try
        {
            await attacker.SendAsync(chunks);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Closed while the rest was still going out: what the assertion below expects anyway.
        }

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.MessageTooLarge);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Sixteen_MiB_messages_filled_slowly_on_60_chunk_streams_are_closed_as_MemoryBudgetExceeded_while_ffmpeg_loses_no_frame()
    {
        // The wire limit raised to what the 24-bit field allows, so only the memory budget stands
        // between the attacker and 60 x 16 MiB of partial messages.
        var options = AttackServer.Options(limits =>
        {
            limits.MemoryBudgetPerConnection = 4 * 1024 * 1024;
            limits.DecisionTimeout = TimeSpan.FromSeconds(20);
        });
        options.Limits = new RtmpXProtect.Engine.WireLimits { MaxMessageSize = 16 * 1024 * 1024 - 1 };
        await using var server = AttackServer.Start(options);
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        const int ChunkSize = 65536;
        var setChunkSize = BitConverter.GetBytes(ChunkSize);
        Array.Reverse(setChunkSize);
        await attacker.SendAsync([2, 0, 0, 0, 0, 0, 4, (byte)MessageType.SetChunkSize, 0, 0, 0, 0, .. setChunkSize]);
        try
        {
            // Round after round of one 64 KiB chunk per stream: 3.75 MiB a round, none of it a whole message.
            for (var round = 0; round < 8; round++)
            {
                for (var i = 0; i < 60; i++)
                {
                    var header = round == 0
                        ? new byte[] { (byte)(3 + i), 0, 0, 0, 0xFF, 0xFF, 0xFF, (byte)MessageType.Video, 1, 0, 0, 0 }
                        : new byte[] { (byte)(0xC0 | (3 + i)) };
                    await attacker.SendAsync([.. header, .. new byte[ChunkSize]]);
                }
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Closed mid-attack: expected.
        }

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.MemoryBudgetExceeded);
        await legit.AssertNoFrameLostAsync();
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Unknown_message_types_are_ignored_and_the_idle_attacker_is_closed_as_DecisionTimeout_while_ffmpeg_loses_no_frame()
    {
        // Ignored rather than fatal: peers send types rtmpx does not use (shared objects from Flash
        // clients, AMF3 data from some encoders); closing on them would break those peers for nothing.
        await using var server = AttackServer.Start();
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        await attacker.HandshakeAsync();
        await attacker.SendConnectAsync();
        foreach (var type in new byte[] { 7, 10, 11, 12, 13, 16, 19, 0x7F, 0xFF })
        {
            await attacker.SendMessageAsync(7, new RtmpMessage((MessageType)type, 0, 0, new byte[] { 1, 2, 3, 4, 5 }));
        }

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.DecisionTimeout);
        Assert.Equal(0, server.Server.Rejections[RejectionReason.ProtocolError]);
        await legit.AssertNoFrameLostAsync();
    }
}
