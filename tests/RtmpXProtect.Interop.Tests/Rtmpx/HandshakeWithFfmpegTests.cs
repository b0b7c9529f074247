using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// The sans-IO server handshake alone against a real FFmpeg. Publishing, FFmpeg sends a digest C1
/// but does not check S1/S2; playing, it checks the S1 digest and the S2 signature and hangs up
/// before C2 when either is wrong, so completing proves FFmpeg accepted both.
/// </summary>
public sealed class HandshakeWithFfmpegTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_publishing_completes_the_handshake_with_a_digest()
    {
        var server = await HandshakeWithFfmpeg(port => new[]
        {
            "-nostdin", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-t", "1", "-f", "flv", $"rtmp://127.0.0.1:{port}/live/x",
        });

        Assert.True(server.PeerUsedDigest);
        Assert.Equal(0x09007C02u, server.PeerVersion);
    }

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_playing_accepts_the_signed_S1_and_S2()
    {
        var server = await HandshakeWithFfmpeg(port => new[]
        {
            "-nostdin", "-i", $"rtmp://127.0.0.1:{port}/live/x", "-t", "1", "-f", "null", "-",
        });

        Assert.True(server.PeerUsedDigest);
    }

    private static async Task<ServerHandshake> HandshakeWithFfmpeg(Func<int, string[]> arguments)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            await using var ffmpeg = PeerProcess.Start("ffmpeg", arguments(((IPEndPoint)listener.LocalEndpoint).Port));
            using var connection = await listener.AcceptTcpClientAsync(timeout.Token);
            var stream = connection.GetStream();
            var server = new ServerHandshake(0);
            var reply = new ArrayBufferWriter<byte>();
            var buffer = new byte[4096];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                Assert.True(read > 0, "FFmpeg closed the connection during the handshake:\n" + ffmpeg.StandardErrorTail());
                var consumed = 0;
                if (!server.IsComplete)
                {
                    server.Process(buffer.AsSpan(0, read), reply, out consumed);
                    await stream.WriteAsync(reply.WrittenMemory, timeout.Token);
                    reply.Clear();
                }

                if (server.IsComplete && consumed < read)
                {
                    // connect() goes on chunk stream 3 with a type-0 header.
                    Assert.Equal(0x03, buffer[consumed]);
                    return server;
                }
            }
        }
        finally
        {
            listener.Stop();
        }
    }
}
