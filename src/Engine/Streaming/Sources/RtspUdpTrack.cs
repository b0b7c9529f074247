using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtsp.Rtp;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// One track of an rtsp:// source played over UDP: the client's RTP and RTCP sockets (an even
    /// port and the next odd one, RFC 3550 §11), the server's ports from its SETUP answer, and the
    /// reorder buffer its packets go through. Only datagrams from the server's address are taken.
    /// </summary>
    internal sealed class RtspUdpTrack : IDisposable
    {
        // A lost packet is waited for this long at most, however slowly the window fills (audio: a few dozen packets a second).
        private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);
        private const int BindAttempts = 64;

        private readonly UdpClient _rtp;
        private readonly UdpClient _rtcp;
        private readonly RtpReorderBuffer _order = new RtpReorderBuffer();
        private readonly uint _ssrc;
        private readonly byte[] _report;
        private IPAddress? _server;
        private IPEndPoint? _serverRtp;
        private IPEndPoint? _serverRtcp;
        private DateTime _heldSince;

        private RtspUdpTrack(UdpClient rtp, UdpClient rtcp, int port)
        {
            _rtp = rtp;
            _rtcp = rtcp;
            Port = port;
            var random = new byte[4];
            using (var generator = RandomNumberGenerator.Create())
            {
                generator.GetBytes(random);
            }

            _ssrc = BitConverter.ToUInt32(random, 0);
            _report = RtcpReceiverReport.Create(_ssrc, "rtmpx@" + ((IPEndPoint)rtp.Client.LocalEndPoint).Address);
        }

        /// <summary>The client's RTP port; RTCP is on the next one.</summary>
        public int Port { get; }

        /// <summary>Binds an even and odd port pair on <paramref name="local"/> (the RTSP connection's own address, so the server can reach it).</summary>
        /// <exception cref="SocketException">No pair could be bound.</exception>
        public static RtspUdpTrack Bind(IPAddress local)
        {
            SocketException? last = null;
            for (int attempt = 0; attempt < BindAttempts; attempt++)
            {
                var rtp = new UdpClient(new IPEndPoint(local, 0));
                var port = ((IPEndPoint)rtp.Client.LocalEndPoint).Port;
                if (port % 2 != 0)
                {
                    rtp.Dispose();
                    continue;
                }

                try
                {
                    var rtcp = new UdpClient(new IPEndPoint(local, port + 1));
                    return new RtspUdpTrack(rtp, rtcp, port);
                }
                catch (SocketException e)
                {
                    // The odd one is taken: another pair.
                    last = e;
                    rtp.Dispose();
                }
            }

            throw last ?? new SocketException((int)SocketError.AddressAlreadyInUse);
        }

        /// <summary>Where the server sends from and listens: its address and the ports of its SETUP answer.</summary>
        public void Connect(IPAddress server, int rtpPort, int rtcpPort)
        {
            _server = Normal(server);
            _serverRtp = new IPEndPoint(_server, rtpPort);
            _serverRtcp = new IPEndPoint(_server, rtcpPort);
        }

        /// <summary>The next datagram on the RTP port, from anyone.</summary>
        public Task<UdpReceiveResult> ReceiveAsync() => _rtp.ReceiveAsync();

        /// <summary>Whether a datagram came from the server's address (anyone may send to an open UDP port).</summary>
        public bool IsFromServer(UdpReceiveResult datagram) => _server != null && Normal(datagram.RemoteEndPoint.Address).Equals(_server);

        /// <summary>The packets now in sequence order once the server's <paramref name="datagram"/> is in, none when it is not the server's.</summary>
        public IReadOnlyList<byte[]> Take(UdpReceiveResult datagram, DateTime now)
        {
            if (!IsFromServer(datagram))
            {
                return Array.Empty<byte[]>();
            }

            var wasHolding = _order.Held > 0;
            var packets = _order.Push(datagram.Buffer);
            if (_order.Held > 0 && wasHolding && now - _heldSince > MaxDelay)
            {
                var rest = _order.SkipGap();
                packets = packets.Count == 0 ? rest : Concat(packets, rest);
            }

            if (_order.Held > 0 && (!wasHolding || packets.Count > 0))
            {
                _heldSince = now;
            }

            return packets;
        }

        /// <summary>
        /// A small packet to the server's RTP port and an RTCP receiver report to its RTCP port:
        /// what opens a NAT or firewall for the server's packets, as ffmpeg does after PLAY.
        /// </summary>
        public Task PunchAsync()
        {
            var rtp = new byte[RtpHeader.Length];
            rtp[0] = 0x80; // version 2, payload type 0, sequence 0: a header only
            return Task.WhenAll(_rtp.SendAsync(rtp, rtp.Length, _serverRtp), ReportAsync());
        }

        /// <summary>A receiver report to the server's RTCP port: servers time a session out without one (or RTSP keep-alives).</summary>
        public Task ReportAsync() => _rtcp.SendAsync(_report, _report.Length, _serverRtcp);

        /// <inheritdoc />
        public void Dispose()
        {
            _rtp.Dispose();
            _rtcp.Dispose();
        }

        /// <summary>An IPv4 address as itself rather than mapped into IPv6, so addresses compare and sockets match.</summary>
        public static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

        private static IReadOnlyList<byte[]> Concat(IReadOnlyList<byte[]> first, IReadOnlyList<byte[]> second)
        {
            var all = new List<byte[]>(first.Count + second.Count);
            all.AddRange(first);
            all.AddRange(second);
            return all;
        }
    }
}
