using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>A plain RTMP socket: reads with empty reads for idle peers, writes without a thread hop.</summary>
    internal sealed class SocketTransport : IConnectionTransport
    {
        private readonly Socket _socket;
        private readonly SocketReceiver _receiver;

        /// <summary>Wraps <paramref name="socket"/>, which must be non-blocking (the queue sends from any thread).</summary>
        public SocketTransport(Socket socket)
        {
            _socket = socket;
            _receiver = new SocketReceiver(socket);
        }

        public EndPoint? RemoteEndPoint => _socket.RemoteEndPoint;

        public Task AuthenticateAsync() => Task.CompletedTask;

        // An empty read completes when data arrives (or the peer closes) without holding a buffer:
        // an idle player costs no receive buffer at all (Kestrel does the same).
        public ValueTask WaitForDataAsync() => _receiver.WaitAsync();

        public ValueTask<int> ReadAsync(byte[] buffer, int offset, int count) => _receiver.ReceiveAsync(buffer, offset, count);

        public bool TrySetReceiveLowWater(int bytes) => SetReceiveLowWater(_socket, bytes);

        /// <summary>
        /// SO_RCVLOWAT: epoll reports the socket readable once this many bytes wait, and on Linux
        /// lowering it wakes a waiting read at once if that many are there already.
        /// </summary>
        internal static bool SetReceiveLowWater(Socket socket, int bytes)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveLowWater, Math.Max(1, bytes));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        public OutboundQueue CreateOutbound(Action<string> fail) => new OutboundQueue(_socket, fail);

        // A read still pending fails with the socket; the arguments are freed when it has.
        public void Close()
        {
            CloseSocket(_socket);
            _receiver.Dispose();
        }

        /// <summary>Shuts down and disposes, ignoring a socket that is already gone.</summary>
        internal static void CloseSocket(Socket socket)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already gone.
            }
            catch (ObjectDisposedException)
            {
            }

            socket.Dispose();
        }
    }
}
