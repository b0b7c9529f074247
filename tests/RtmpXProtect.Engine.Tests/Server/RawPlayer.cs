using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>
    /// A player over a bare socket whose reading the test drives: it reads only when told to, so
    /// it can stall (its small receive buffer fills, then the server's queue grows).
    /// </summary>
    internal sealed class RawPlayer : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
        private readonly Socket _socket;
        private readonly ClientSession _session;
        private readonly ByteBufferWriter _output = new ByteBufferWriter();
        private readonly List<SessionEvent> _events = new List<SessionEvent>();
        private readonly byte[] _buffer = new byte[64 * 1024];

        private RawPlayer(Socket socket, ClientSession session)
        {
            _socket = socket;
            _session = session;
        }

        /// <summary>Media messages received so far, in arrival order.</summary>
        public List<RtmpMessage> Media { get; } = new List<RtmpMessage>();

        /// <summary>Connects, plays <paramref name="stream"/> of app "live", then reads nothing more until told.</summary>
        public static async Task<RawPlayer> PlayAsync(RtmpServer server, string stream, int receiveBufferSize = 4096)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBufferSize };
            await socket.ConnectAsync(server.LocalEndPoint);
            var port = server.LocalEndPoint.Port;
            var player = new RawPlayer(socket, new ClientSession(new ClientSessionOptions("live", $"rtmp://127.0.0.1:{port}/live")));
            await player.HandshakeAsync();
            player._session.Connect(player._output);
            await player.FlushAsync();
            await player.ReadUntilAsync(e => e is Connected);
            player._session.Play(stream, player._output);
            await player.FlushAsync();
            await player.ReadUntilAsync(e => e is PlayStarted);
            return player;
        }

        /// <summary>
        /// Sends a ping and reads until its answer: everything the server queued before the answer
        /// has then been read.
        /// </summary>
        public async Task PingAsync(uint value)
        {
            // One whole type-0 chunk on its own chunk stream, so the session's header compression
            // on the protocol-control stream is not disturbed.
            var chunk = new byte[12 + 6];
            chunk[0] = 10;
            chunk[6] = 6;
            chunk[7] = (byte)MessageType.UserControl;
            chunk[13] = (byte)UserControlEventType.PingRequest;
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(14), value);
            await _socket.SendAsync(chunk, SocketFlags.None);
            await ReadUntilAsync(e => e is UserControlReceived u && u.Event.Type == UserControlEventType.PingResponse && u.Event.Value == value);
        }

        /// <summary>Reads until the server closes; false if it did not within the timeout.</summary>
        public async Task<bool> ReadToEndAsync()
        {
            using var cts = new CancellationTokenSource(Timeout);
            try
            {
                while (await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token) > 0)
                {
                }

                return true;
            }
            catch (SocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose() => _socket.Dispose();

        private async Task HandshakeAsync()
        {
            var handshake = new ClientHandshake(0);
            handshake.Start(_output);
            await FlushAsync();
            using var cts = new CancellationTokenSource(Timeout);
            while (!handshake.IsComplete)
            {
                var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token);
                if (read == 0)
                {
                    throw new InvalidOperationException("The server closed during the handshake.");
                }

                handshake.Process(_buffer.AsSpan(0, read), _output, out var consumed);
                await FlushAsync();
                if (handshake.IsComplete && consumed < read)
                {
                    Process(_buffer.AsSpan(consumed, read - consumed));
                    await FlushAsync();
                }
            }
        }

        private async Task ReadUntilAsync(Func<SessionEvent, bool> match)
        {
            using var cts = new CancellationTokenSource(Timeout);
            while (true)
            {
                foreach (var e in _events)
                {
                    if (match(e))
                    {
                        _events.Clear();
                        return;
                    }
                }

                _events.Clear();
                var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token);
                if (read == 0)
                {
                    throw new InvalidOperationException("The server closed the connection.");
                }

                Process(_buffer.AsSpan(0, read));
                await FlushAsync();
            }
        }

        private void Process(ReadOnlySpan<byte> input)
        {
            var first = _events.Count;
            _session.Receive(input, _output, _events);
            for (var i = first; i < _events.Count; i++)
            {
                if (_events[i] is MediaReceived media && media.Message.Type != MessageType.DataAmf0)
                {
                    Media.Add(media.Message);
                }
            }
        }

        private async Task FlushAsync()
        {
            if (_output.WrittenCount > 0)
            {
                await _socket.SendAsync(_output.ToArray(), SocketFlags.None);
                _output.Clear();
            }
        }
    }
}
