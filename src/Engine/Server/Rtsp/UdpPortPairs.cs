using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace RtmpXProtect.Engine.Server.Rtsp
{
    /// <summary>
    /// Binds UDP port pairs (RTP on the even port, RTCP on the next) out of the configured range
    /// for RTSP players over UDP. A pair in use by anything else on the machine is skipped, and the
    /// search starts after the last pair handed out, so a closed session's ports rest a while.
    /// </summary>
    internal sealed class UdpPortPairs
    {
        private int _cursor;

        /// <summary>A bound pair in <paramref name="range"/>, or null when every pair is taken.</summary>
        public UdpPair? Bind(PortRange range, AddressFamily family)
        {
            var pairs = range.Pairs;
            for (int attempt = 0; attempt < pairs; attempt++)
            {
                var index = (int)((uint)Interlocked.Increment(ref _cursor) % (uint)pairs);
                var port = range.First + (2 * index);
                Socket? rtp = null;
                try
                {
                    rtp = Open(family, port);
                    var rtcp = Open(family, port + 1);
                    return new UdpPair(port, rtp, rtcp);
                }
                catch (SocketException)
                {
                    rtp?.Dispose();
                }
            }

            return null;
        }

        private static Socket Open(AddressFamily family, int port)
        {
            var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, port));

                // Sends happen on the publisher's thread: a full send buffer drops the packet (UDP
                // may lose it anyway) rather than blocking every other player of the stream.
                socket.Blocking = false;
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    /// <summary>One track's UDP ports on the server side: RTP and RTCP sockets.</summary>
    internal sealed class UdpPair : IDisposable
    {
        public UdpPair(int port, Socket rtp, Socket rtcp)
        {
            Port = port;
            Rtp = rtp;
            Rtcp = rtcp;
        }

        /// <summary>The RTP port (RTCP is the next one).</summary>
        public int Port { get; }

        public Socket Rtp { get; }

        public Socket Rtcp { get; }

        /// <summary>Where the client receives RTP; RTCP goes to the next port.</summary>
        public IPEndPoint? ClientRtp { get; set; }

        public IPEndPoint? ClientRtcp { get; set; }

        public void Dispose()
        {
            Rtp.Dispose();
            Rtcp.Dispose();
        }
    }
}
