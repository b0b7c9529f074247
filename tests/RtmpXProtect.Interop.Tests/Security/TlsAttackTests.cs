using System;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>What is not TLS sent to the RTMPS port, while ffmpeg streams on the plain port.</summary>
public sealed class TlsAttackTests
{
    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData("garbage")]
    [InlineData("plain RTMP")]
    public async Task Non_tls_bytes_on_the_rtmps_port_are_closed_as_TlsHandshakeFailed_while_ffmpeg_loses_no_frame(string attack)
    {
        using var certificate = TestCertificate.Create();
        var options = AttackServer.Options();
        options.TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0);
        options.Certificate = certificate;
        options.TlsHandshakeTimeout = TimeSpan.FromSeconds(2);
        await using var server = AttackServer.Start(options);
        await using var legit = await LegitimateSession.StartAsync(server);

        using var attacker = await AttackClient.ConnectAsync(server.Server.TlsLocalEndPoint.Port);
        byte[] bytes;
        if (attack == "garbage")
        {
            bytes = new byte[2048];
            new Random(11).NextBytes(bytes);
            bytes[0] = 0x16; // a TLS handshake record type, so the garbage gets past the first byte
        }
        else
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>();
            new ClientHandshake(0).Start(output);
            bytes = output.WrittenSpan.ToArray();
        }

        await attacker.SendAsync(bytes);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.TlsHandshakeFailed);
        await legit.AssertNoFrameLostAsync();
    }
}
