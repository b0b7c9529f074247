using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Handshake;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Handshake
{
    /// <summary>
    /// The server handshake against a real FFmpeg. Publishing, FFmpeg sends a digest C1 but does
    /// not check S1/S2; playing, it checks the S1 digest and the S2 signature and hangs up before
    /// C2 when either is wrong, so completing proves FFmpeg accepted both.
    /// </summary>
    [Trait("Category", "Interop")]
    public class FfmpegHandshakeInteropTests
    {
        private const string Ffmpeg = "/usr/bin/ffmpeg";
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        [Fact]
        public async Task Ffmpeg_publishing_completes_the_handshake_with_a_digest()
        {
            if (!File.Exists(Ffmpeg))
            {
                return;
            }

            var server = await HandshakeWithFfmpeg(port =>
                $"-nostdin -loglevel debug -f lavfi -i testsrc=size=160x120:rate=5 -t 1 -f flv rtmp://127.0.0.1:{port}/live/x");

            Assert.True(server.PeerUsedDigest);
            Assert.Equal(0x09007C02u, server.PeerVersion);
        }

        [Fact]
        public async Task Ffmpeg_playing_accepts_the_signed_S1_and_S2()
        {
            if (!File.Exists(Ffmpeg))
            {
                return;
            }

            var server = await HandshakeWithFfmpeg(port =>
                $"-nostdin -loglevel debug -i rtmp://127.0.0.1:{port}/live/x -t 1 -f null -");

            Assert.True(server.PeerUsedDigest);
        }

        private static async Task<ServerHandshake> HandshakeWithFfmpeg(Func<int, string> arguments)
        {
            using var timeout = new CancellationTokenSource(Patience);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var log = new StringBuilder();
            using var ffmpeg = new Process
            {
                StartInfo = new ProcessStartInfo(Ffmpeg, arguments(((IPEndPoint)listener.LocalEndpoint).Port))
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                },
            };
            ffmpeg.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            ffmpeg.OutputDataReceived += (_, e) => { };
            try
            {
                ffmpeg.Start();
                ffmpeg.BeginErrorReadLine();
                ffmpeg.BeginOutputReadLine();
                using TcpClient connection = await listener.AcceptTcpClientAsync(timeout.Token);
                NetworkStream stream = connection.GetStream();
                var server = new ServerHandshake(0);
                var reply = new ArrayBufferWriter<byte>();
                var buffer = new byte[4096];
                bool sawChunkByte = false;
                while (!sawChunkByte)
                {
                    int read = await stream.ReadAsync(buffer, timeout.Token);
                    Assert.True(read > 0, "FFmpeg closed the connection during the handshake:\n" + Log(log));
                    int consumed = 0;
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
                        sawChunkByte = true;
                    }
                }

                return server;
            }
            finally
            {
                listener.Stop();
                if (!ffmpeg.HasExited)
                {
                    ffmpeg.Kill(entireProcessTree: true);
                }

                ffmpeg.WaitForExit((int)Patience.TotalMilliseconds);
            }
        }

        private static string Log(StringBuilder log)
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }
}
