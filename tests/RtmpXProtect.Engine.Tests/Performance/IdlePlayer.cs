using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Performance
{
    /// <summary>
    /// Brings a player up to Play.Start with a real handshake and client session, then forgets
    /// everything but the socket: what stays in memory afterwards is the server's side of the
    /// connection plus one client Socket object, so a memory figure taken then is about the server.
    /// </summary>
    internal static class IdlePlayer
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        public static async Task<Socket> PlayAsync(RtmpServer server, string stream, byte[] buffer)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server.LocalEndPoint);
            using var cts = new CancellationTokenSource(Timeout);
            var output = new ByteBufferWriter(8 * 1024);
            var handshake = new ClientHandshake(0);
            handshake.Start(output);
            await FlushAsync(socket, output);
            var session = new ClientSession(new ClientSessionOptions("live", $"rtmp://127.0.0.1:{server.LocalEndPoint.Port}/live"));
            var events = new List<SessionEvent>();
            while (!handshake.IsComplete)
            {
                var read = await ReceiveAsync(socket, buffer, cts.Token);
                handshake.Process(buffer.AsSpan(0, read), output, out var consumed);
                if (handshake.IsComplete && consumed < read)
                {
                    session.Receive(buffer.AsSpan(consumed, read - consumed), output, events);
                }

                await FlushAsync(socket, output);
            }

            session.Connect(output);
            await FlushAsync(socket, output);
            await ReadUntilAsync(socket, session, output, events, buffer, e => e is Connected, cts.Token);
            session.Play(stream, output);
            await FlushAsync(socket, output);
            await ReadUntilAsync(socket, session, output, events, buffer, e => e is PlayStarted, cts.Token);
            return socket;
        }

        private static async Task ReadUntilAsync(Socket socket, ClientSession session, ByteBufferWriter output, List<SessionEvent> events, byte[] buffer, Func<SessionEvent, bool> match, CancellationToken cancel)
        {
            while (!events.Exists(e => match(e)))
            {
                events.Clear();
                var read = await ReceiveAsync(socket, buffer, cancel);
                session.Receive(buffer.AsSpan(0, read), output, events);
                await FlushAsync(socket, output);
            }

            events.Clear();
        }

        private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer, CancellationToken cancel)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel);
            return read > 0 ? read : throw new InvalidOperationException("The server closed the connection.");
        }

        private static async Task FlushAsync(Socket socket, ByteBufferWriter output)
        {
            if (output.WrittenCount > 0)
            {
                await socket.SendAsync(output.WrittenMemory, SocketFlags.None);
                output.Clear();
            }
        }
    }
}
