using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server.Rtsp;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// The RTSP face of the server: every path published over RTMP(S) also plays as
    /// rtsp://HOST:PORT/APP/STREAM, through the same hub, access policy, admission limits and
    /// rejection counters.
    /// </summary>
    public sealed partial class RtmpServer
    {
        private readonly ConcurrentDictionary<long, RtspConnection> _rtspLive = new ConcurrentDictionary<long, RtspConnection>();
        private Socket? _rtspListener;
        private Socket? _rtspsListener;
        private Task? _rtspAcceptLoop;
        private Task? _rtspsAcceptLoop;

        /// <summary>The UDP port pairs RTSP players over UDP are sent from.</summary>
        internal UdpPortPairs RtspUdp { get; } = new UdpPortPairs();

        /// <summary>The part of <see cref="Rejections"/> that came in on the RTSP and RTSPS ports, by reason.</summary>
        public RejectionCounters RtspRejections { get; } = new RejectionCounters();

        /// <summary>Counts an RTSP refusal in both the server's counts and the RTSP ones.</summary>
        internal void CountRtspRejection(RejectionReason reason)
        {
            Rejections.Increment(reason);
            RtspRejections.Increment(reason);
        }

        /// <summary>Where it listens for RTSP (with the real port when port 0 was asked for).</summary>
        public IPEndPoint RtspLocalEndPoint => (IPEndPoint)(_rtspListener?.LocalEndPoint ?? throw new InvalidOperationException("The server has no RTSP endpoint."));

        /// <summary>Where it listens for RTSPS (with the real port when port 0 was asked for).</summary>
        public IPEndPoint RtspsLocalEndPoint => (IPEndPoint)(_rtspsListener?.LocalEndPoint ?? throw new InvalidOperationException("The server has no RTSPS endpoint."));

        private void StartRtsp(X509Certificate2? certificate)
        {
            if (Options.RtspEndpoint != null)
            {
                _rtspListener = Listen(Options.RtspEndpoint);
                _rtspAcceptLoop = AcceptLoopAsync(_rtspListener, PlainTransport, rtsp: true);
            }

            if (Options.RtspsEndpoint != null)
            {
                try
                {
                    _rtspsListener = Listen(Options.RtspsEndpoint);
                }
                catch
                {
                    _rtspListener?.Dispose();
                    throw;
                }

                _rtspsAcceptLoop = AcceptLoopAsync(_rtspsListener, socket => TlsTransportFor(socket, certificate!), rtsp: true);
            }
        }

        private async Task StopRtspAsync()
        {
            _rtspListener?.Dispose();
            _rtspsListener?.Dispose();
            foreach (var loop in new[] { _rtspAcceptLoop, _rtspsAcceptLoop })
            {
                if (loop != null)
                {
                    await loop.ConfigureAwait(false);
                }
            }
        }

        // A listener a reload replaced ends its accept loop; the ones still in use keep theirs.
        private bool IsListening(Socket listener)
            => listener == Volatile.Read(ref _listener) || listener == Volatile.Read(ref _tlsListener)
               || listener == Volatile.Read(ref _rtspListener) || listener == Volatile.Read(ref _rtspsListener);
    }
}
