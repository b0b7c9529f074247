using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// An RTMPS socket: TLS 1.2 or 1.3 through an <see cref="SslStream"/>, which has no gathered or
    /// non-blocking write, so its queue drains through one asynchronous writer.
    /// </summary>
    internal sealed class TlsTransport : IConnectionTransport
    {
        // SslProtocols.Tls13 is missing from netstandard2.0's enum; the runtime knows the value.
        private const SslProtocols Tls13 = (SslProtocols)12288;
        private readonly Socket _socket;
        private readonly SslStream _tls;
        private readonly X509Certificate2 _certificate;
        private readonly TimeSpan _handshakeTimeout;

        /// <summary>Wraps <paramref name="socket"/>, which must be blocking (NetworkStream insists).</summary>
        public TlsTransport(Socket socket, X509Certificate2 certificate, TimeSpan handshakeTimeout)
        {
            _socket = socket;
            _certificate = certificate;
            _handshakeTimeout = handshakeTimeout;
            _tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        }

        public EndPoint? RemoteEndPoint => _socket.RemoteEndPoint;

        /// <summary>
        /// The server side of the TLS handshake, under its own timeout (the netstandard2.0 overload takes no
        /// token, so the timeout closes the socket, which fails the handshake).
        /// </summary>
        public async Task AuthenticateAsync()
        {
            using var timer = new CancellationTokenSource(_handshakeTimeout);
            using (timer.Token.Register(() => SocketTransport.CloseSocket(_socket)))
            {
                try
                {
                    await _tls.AuthenticateAsServerAsync(_certificate, false, SslProtocols.Tls12 | Tls13, false).ConfigureAwait(false);
                }
                catch (Exception) when (timer.IsCancellationRequested)
                {
                    throw new TlsHandshakeException($"no handshake within {_handshakeTimeout.TotalSeconds:0.###} s");
                }
                catch (Exception e) when (e is AuthenticationException || e is IOException || e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    // The runtime's messages describe the failure (alert, protocol, closed); they hold no key material.
                    throw new TlsHandshakeException(e.InnerException?.Message is string inner ? e.Message + " (" + inner + ")" : e.Message);
                }
            }
        }

        // SslStream (.NET 6+) forwards an empty read to the socket, so an idle player holds no buffer here either.
        public ValueTask WaitForDataAsync() => new ValueTask(_tls.ReadAsync(Array.Empty<byte>(), 0, 0));

        public ValueTask<int> ReadAsync(byte[] buffer, int offset, int count) => new ValueTask<int>(_tls.ReadAsync(buffer, offset, count));

        // The mark counts TLS bytes on the socket beneath: close enough to the stream's own.
        public bool TrySetReceiveLowWater(int bytes) => SocketTransport.SetReceiveLowWater(_socket, bytes);

        public OutboundQueue CreateOutbound(Action<string> fail) => new OutboundQueue(_tls, fail);

        public void Close()
        {
            SocketTransport.CloseSocket(_socket);
            _tls.Dispose();
        }
    }
}
