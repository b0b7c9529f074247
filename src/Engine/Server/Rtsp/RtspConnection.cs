using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Session;
using RtmpXProtect.Engine.Server.Access;
using Serilog;

namespace RtmpXProtect.Engine.Server.Rtsp
{
    /// <summary>
    /// One RTSP client of the server: reads its requests, carries out what the sans-IO
    /// <see cref="RtspServerSession"/> allows against the stream hub and the access policy, and
    /// sends answers and interleaved RTP through the same queue, so an answer is never overtaken
    /// by the media it announces.
    /// </summary>
    internal sealed partial class RtspConnection : IRtpOutput, IServerConnection
    {
        private const int ReadSize = 8 * 1024;

        // Neither a header block with its body nor an interleaved frame (64 KiB at most) needs more.
        private static readonly int MaxBuffered = RtspLimits.Default.MaxHeaderBytes + RtspLimits.Default.MaxBodyBytes + 70 * 1024;
        private static readonly TimeSpan SessionTimeout = TimeSpan.FromSeconds(60);
        private const string Realm = "rtmpx";
        private const int MaxRefusals = 5;
        private int _refusals;

        // How long a DESCRIBE waits for an on-demand source to connect to its camera and publish.
        private static readonly TimeSpan OnDemandWait = TimeSpan.FromSeconds(10);
        private readonly RtmpServer _server;
        private readonly IConnectionTransport _transport;
        private readonly OutboundQueue _outbound;
        private readonly RtspReader _reader = new RtspReader();
        private readonly RtspServerSession _session;
        private readonly IPAddress? _remoteAddress;
        private readonly long _acceptedAt;
        private readonly DateTime _connectedAt = DateTime.UtcNow;
        private readonly Dictionary<string, AccessDecision> _admitted = new Dictionary<string, AccessDecision>(StringComparer.Ordinal);
        private ILogger _log;
        private byte[] _input = new byte[ReadSize];
        private int _inputLength;
        private string? _closeReason;
        private LiveStream? _stream;
        private PublishPacketizer? _packetizer;
        private RtspPlayer? _player;
        private long _bytesIn;
        private bool _played;
        private string _transportName = "RTSP";
        private static readonly TimeSpan EndGrace = TimeSpan.FromSeconds(10);
        private const long NotEnded = long.MinValue;
        private long _endedAt = NotEnded;
        private string? _endReason;
        private static readonly TimeSpan UdpGoodbyeDelay = TimeSpan.FromMilliseconds(500);
        private IReadOnlyList<(int Track, byte[] Packet)>? _goodbye;
        private readonly string _nonce;
        private readonly Dictionary<int, UdpPair> _udp = new Dictionary<int, UdpPair>();

        public RtspConnection(RtmpServer server, IConnectionTransport transport, long id, AdmissionTicket ticket)
        {
            _server = server;
            _transport = transport;
            Id = id;
            Ticket = ticket;
            _acceptedAt = server.Now.Ticks;
            Remote = transport.RemoteEndPoint?.ToString() ?? "unknown";
            var address = (transport.RemoteEndPoint as IPEndPoint)?.Address;
            _remoteAddress = address != null && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            _log = server.Log.ForContext("SessionId", id).ForContext("RemoteAddress", _remoteAddress?.ToString() ?? string.Empty);
            _session = new RtspServerSession(NewSessionId(), SessionTimeout, server.Now);
            _nonce = NewSessionId() + NewSessionId();
            _outbound = transport.CreateOutbound(Abort);
        }

        public long Id { get; }

        public AdmissionTicket Ticket { get; }

        public string Remote { get; }

        public long QueuedBytes => _outbound.QueuedBytes;

        public long BytesIn => Interlocked.Read(ref _bytesIn);

        public long BytesOut => _outbound.EnqueuedBytes;

        public DateTime ConnectedAt => _connectedAt;

        /// <summary>The path being played, for the status API.</summary>
        public string? PlayingPath => _player != null ? _session.Path : null;

        /// <summary>Whether it came in on the RTSPS port.</summary>
        public bool IsTls => _transport is TlsTransport;

        /// <summary>Whether its media goes over RTP/UDP rather than interleaved on the connection.</summary>
        public bool UsesUdp => Transport == "RTSP/UDP";

        /// <summary>"RTSP/TCP" or "RTSP/UDP" once a track is set up; read by the status thread, so kept apart from the session.</summary>
        public string Transport => Volatile.Read(ref _transportName);

        public async Task RunAsync(CancellationToken serverStopping)
        {
            var reason = "closed by peer";
            using var stopping = serverStopping.Register(() => Abort("server stopping"));
            try
            {
                await _transport.AuthenticateAsync().ConfigureAwait(false);
                await ReadLoopAsync().ConfigureAwait(false);
                if (_session.State == RtspSessionState.Closed)
                {
                    reason = "teardown";
                }
            }
            catch (TlsHandshakeException e)
            {
                reason = "tls handshake failed: " + e.Message;
                _server.CountRtspRejection(RejectionReason.TlsHandshakeFailed);
            }
            catch (RtspProtocolException e)
            {
                // One answer, then the connection closes: the bytes after a broken message mean nothing.
                reason = RejectionReason.ProtocolError + ": " + e.Message;
                _server.CountRtspRejection(RejectionReason.ProtocolError);
                _outbound.Enqueue(RtspWriter.Write(new RtspResponse(e.StatusCode, ReasonOf(e.StatusCode), new RtspHeaders().Add("Server", "rtmpx"))));
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                reason = _closeReason ?? "connection lost: " + e.Message;
            }
            finally
            {
                LeaveStream();
                StopPublishing("disconnected");
                foreach (var pair in _udp.Values)
                {
                    pair.Dispose();
                }

                _outbound.Complete();
                await Task.WhenAny(_outbound.Drained, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
                Abort(reason);
                Ticket.Release();
                _log.Information("{Remote} (RTSP) disconnected after {Seconds:0.0} s: {Reason}", Remote, (DateTime.UtcNow - _connectedAt).TotalSeconds, _closeReason ?? reason);
            }
        }

        /// <summary>Closes at once; the first reason given is the one logged.</summary>
        public void Abort(string reason)
        {
            if (Interlocked.CompareExchange(ref _closeReason, reason, null) != null)
            {
                return;
            }

            _outbound.Complete();
            _transport.Close();
        }

        /// <summary>Closes at once for a named reason, counted and logged.</summary>
        public void Abort(RejectionReason reason, string? detail = null)
        {
            var text = detail == null ? reason.ToString() : reason + ": " + detail;
            if (Interlocked.CompareExchange(ref _closeReason, text, null) != null)
            {
                return;
            }

            _server.CountRtspRejection(reason);
            _log.Information("{Remote} (RTSP) closed: {Reason}{Detail}", Remote, reason, detail == null ? string.Empty : " (" + detail + ")");
            _outbound.Complete();
            _transport.Close();
        }

        /// <summary>Called by the server's sweep: the memory budget, the decision timeout and the session timeout.</summary>
        public void Sweep(TimeSpan now)
        {
            if (Volatile.Read(ref _closeReason) != null)
            {
                return;
            }

            var limits = _server.Options.Admission;
            var held = _outbound.QueuedBytes + Volatile.Read(ref _inputLength);
            var endedAt = Interlocked.Read(ref _endedAt);
            if (endedAt != NotEnded && now - TimeSpan.FromTicks(endedAt) >= UdpGoodbyeDelay && Interlocked.Exchange(ref _goodbye, null) is { } goodbye)
            {
                foreach (var (track, packet) in goodbye)
                {
                    ((IRtpOutput)this).Send(track, packet, rtcp: true, flush: true);
                }
            }

            if (endedAt != NotEnded && now - TimeSpan.FromTicks(endedAt) > EndGrace)
            {
                Abort(Volatile.Read(ref _endReason) ?? "ended");
            }
            else if (held > limits.MemoryBudgetPerConnection)
            {
                Abort(RejectionReason.MemoryBudgetExceeded, held + " bytes held");
            }
            else if (!Ticket.IsDecided && now - TimeSpan.FromTicks(_acceptedAt) > limits.DecisionTimeout)
            {
                Abort(RejectionReason.DecisionTimeout);
            }
            else if (!PlaysOverTcp && _session.IsExpired(now))
            {
                // Over TCP the connection itself shows the client is there; over UDP only its requests and reports do.
                Abort(RejectionReason.ReceiveIdleTimeout, "session timed out");
            }
        }

        void IRtpOutput.Send(int track, byte[] packet, bool rtcp, bool flush)
        {
            if (_udp.TryGetValue(track, out var pair))
            {
                SendUdp(pair, packet, rtcp);
                return;
            }

            var channel = _session.Transports.TryGetValue(track, out var transport) ? transport.Channel : -1;
            if (channel < 0)
            {
                return;
            }

            if (rtcp)
            {
                // A report is this player's own: its header is written here.
                WriteInterleavedHeader(packet, channel + 1);
                _outbound.Enqueue(packet, flush);
            }
            else if (packet[1] == channel)
            {
                _outbound.Enqueue(packet, flush);
            }
            else
            {
                var header = new byte[RtpFrame.Headroom];
                WriteInterleavedHeader(header, channel, packet.Length - RtpFrame.Headroom);
                _outbound.Enqueue(header, flush: false);
                _outbound.Enqueue(new ReadOnlyMemory<byte>(packet, RtpFrame.Headroom, packet.Length - RtpFrame.Headroom), flush);
            }
        }

        void IRtpOutput.TooSlow(string detail) => Abort(RejectionReason.PlayerTooSlow, detail);

        void IRtpOutput.End(string reason, IReadOnlyList<(int Track, byte[] Packet)> goodbye)
        {
            if (_udp.Count == 0)
            {
                foreach (var (track, packet) in goodbye)
                {
                    ((IRtpOutput)this).Send(track, packet, rtcp: true, flush: true);
                }
            }
            else
            {
                // Over UDP the BYE travels on the RTCP port and may overtake the last RTP packets, which
                // a client that stops at the BYE (ffmpeg) would lose: the sweep sends it a moment later.
                Volatile.Write(ref _goodbye, goodbye);
            }

            // The connection stays a while, so the client can read the goodbye and tear down:
            // closed at once, a client that still had a request in flight (GStreamer's TEARDOWN)
            // would reconnect for it, and unread bytes would turn the close into a reset that
            // discards the last frames on the client's side.
            Volatile.Write(ref _endReason, reason);
            Interlocked.CompareExchange(ref _endedAt, _server.Now.Ticks, NotEnded);
        }

        private bool PlaysOverTcp => _player != null && Transport == "RTSP/TCP";

        private async Task ReadLoopAsync()
        {
            while (true)
            {
                if (_input.Length - _inputLength < ReadSize)
                {
                    if (_input.Length >= MaxBuffered)
                    {
                        throw new RtspProtocolException("The client sent more than a message can hold without completing one.", 413);
                    }

                    Array.Resize(ref _input, Math.Min(MaxBuffered, Math.Max(_input.Length * 2, _inputLength + ReadSize)));
                }

                var read = await _transport.ReadAsync(_input, _inputLength, _input.Length - _inputLength).ConfigureAwait(false);
                if (read == 0)
                {
                    _log.Debug("{Remote} (RTSP) closed its side", Remote);
                    return;
                }

                Interlocked.Add(ref _bytesIn, read);
                Volatile.Write(ref _inputLength, _inputLength + read);
                var offset = 0;
                while (true)
                {
                    var complete = _reader.TryRead(new ReadOnlySpan<byte>(_input, offset, _inputLength - offset), out var message, out var consumed);
                    offset += consumed;
                    if (!complete)
                    {
                        break;
                    }

                    await HandleAsync(message!).ConfigureAwait(false);
                    if (Volatile.Read(ref _closeReason) != null)
                    {
                        return;
                    }
                }

                Buffer.BlockCopy(_input, offset, _input, 0, _inputLength - offset);
                Volatile.Write(ref _inputLength, _inputLength - offset);
                if (_inputLength == 0 && _input.Length > ReadSize)
                {
                    // A large message passed: an idle connection keeps a small buffer.
                    _input = new byte[ReadSize];
                }
            }
        }

        private async Task HandleAsync(RtspTcpMessage message)
        {
            if (message is InterleavedFrame frame)
            {
                // A publisher's media, or a player's RTCP receiver reports: either way the client is alive.
                _session.Touch(_server.Now);
                Receive(frame);
                return;
            }

            if (!(message is RtspRequest request))
            {
                return;
            }

            // Debug only: a request names the stream, and the order of a client's requests is what
            // explains an end-of-stream quarrel (GStreamer's PAUSE and TEARDOWN).
            _log.Debug("{Remote} (RTSP) {Method} CSeq {CSeq}", Remote, request.Method, request.Headers.CSeq);
            var refusal = _session.Check(request, _server.Now);
            if (refusal != null)
            {
                Send(refusal);
                return;
            }

            var target = RtspTarget.Parse(request.Uri);
            if (target == null)
            {
                Send(_session.Reply(request, 400, "Bad Request"));
                return;
            }

            switch (request.Method)
            {
                case "OPTIONS":
                    Send(_session.Options(request));
                    break;
                case "DESCRIBE":
                    await DescribeAsync(request, target).ConfigureAwait(false);
                    break;
                case "ANNOUNCE":
                    await AnnounceAsync(request, target).ConfigureAwait(false);
                    break;
                case "SETUP" when _announced != null:
                    SetupRecord(request);
                    break;
                case "SETUP":
                    await SetupAsync(request, target).ConfigureAwait(false);
                    break;
                case "RECORD":
                    Record(request);
                    break;
                case "PLAY":
                    Play(request);
                    break;
                case "PAUSE":
                    LeaveStream();
                    Send(_session.Pause(request));
                    break;
                case "TEARDOWN":
                    LeaveStream();
                    StopPublishing("teardown");
                    Send(_session.Teardown(request));

                    // The client closes the connection; one that lingers is closed after the grace period.
                    Volatile.Write(ref _endReason, "teardown");
                    Interlocked.CompareExchange(ref _endedAt, _server.Now.Ticks, NotEnded);
                    break;
                default:
                    // GET_PARAMETER and SET_PARAMETER: keep-alives.
                    Send(_session.Reply(request, 200, "OK"));
                    break;
            }
        }

        private async Task DescribeAsync(RtspRequest request, RtspTarget target)
        {
            if (await PacketizerAsync(request, target).ConfigureAwait(false) is var (_, packetizer))
            {
                Send(_session.Describe(request, packetizer.Sdp(target.Path, (ulong)Id)));
            }
        }

        private async Task SetupAsync(RtspRequest request, RtspTarget target)
        {
            if (_session.Path != null && _session.Path != target.Path)
            {
                // One path per session: refused before anything of the other path is looked up.
                Send(_session.Reply(request, 459, "Aggregate Operation Not Allowed"));
                return;
            }

            if (!(await PacketizerAsync(request, target).ConfigureAwait(false) is var (stream, packetizer)))
            {
                return;
            }

            if (_packetizer != null && _packetizer != packetizer)
            {
                // The publish changed between two SETUPs: the tracks set up belong to one that is gone.
                Send(_session.Reply(request, 454, "Session Not Found"));
                return;
            }

            _packetizer = packetizer;
            var transport = RtspTransport.ChooseFrom(request.Headers.Get("Transport"));
            var track = target.Track ?? (packetizer.Tracks.Count == 1 ? 0 : -1);
            UdpPair? pair = null;
            var fresh = false;
            if (transport != null && !transport.IsTcp && _remoteAddress != null && track >= 0 && !_udp.TryGetValue(track, out pair))
            {
                pair = _server.RtspUdp.Bind(_server.Options.RtspUdpPorts, _remoteAddress.AddressFamily);
                fresh = true;
                if (pair == null)
                {
                    _log.Warning("{Remote} asked for RTP over UDP, but every port pair of {Range} is taken", Remote, _server.Options.RtspUdpPorts);
                    Send(_session.Reply(request, 503, "Service Unavailable"));
                    return;
                }
            }

            var answer = _session.Setup(request, target, packetizer.Tracks.Count, () => pair?.Port ?? 0, index => packetizer.Tracks[index].Ssrc);
            if (pair != null)
            {
                if (answer.StatusCode == 200 && _session.Transports.TryGetValue(track, out var chosen) && !chosen.IsTcp)
                {
                    // Media goes to the address the RTSP connection comes from, never to one the client names.
                    pair.ClientRtp = new IPEndPoint(_remoteAddress!, chosen.ClientPort);
                    pair.ClientRtcp = new IPEndPoint(_remoteAddress!, chosen.ClientPort + 1);
                    if (fresh)
                    {
                        _udp[track] = pair;
                        _ = ReceiveReportsAsync(pair);
                    }
                }
                else if (fresh)
                {
                    pair.Dispose();
                }
            }

            if (answer.StatusCode == 200)
            {
                _stream = stream;
                Volatile.Write(ref _transportName, _session.Transports.Count > 0 && !TransportOf(track).IsTcp ? "RTSP/UDP" : "RTSP/TCP");
            }

            Send(answer);
        }

        private RtspTransport TransportOf(int track)
        {
            foreach (var pair in _session.Transports)
            {
                if (pair.Key == track || track < 0)
                {
                    return pair.Value;
                }
            }

            foreach (var transport in _session.Transports.Values)
            {
                return transport;
            }

            throw new InvalidOperationException("No transport is set up.");
        }

        private static void SendUdp(UdpPair pair, byte[] packet, bool rtcp)
        {
            try
            {
                if (rtcp)
                {
                    pair.Rtcp.SendTo(packet, RtpFrame.Headroom, packet.Length - RtpFrame.Headroom, SocketFlags.None, pair.ClientRtcp!);
                }
                else
                {
                    pair.Rtp.SendTo(packet, RtpFrame.Headroom, packet.Length - RtpFrame.Headroom, SocketFlags.None, pair.ClientRtp!);
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // A full send buffer or an ICMP "port unreachable": the datagram is lost, as UDP may lose any.
            }
        }

        // The client's receiver reports (and NAT punches) on the RTCP port show it is still there.
        private async Task ReceiveReportsAsync(UdpPair pair)
        {
            var buffer = new byte[1500];
            EndPoint from = new IPEndPoint(pair.Rtcp.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            while (true)
            {
                try
                {
                    var received = await pair.Rtcp.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, from).ConfigureAwait(false);
                    if (received.RemoteEndPoint is IPEndPoint sender && Same(sender.Address, _remoteAddress))
                    {
                        _session.Touch(_server.Now);
                    }
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // An ICMP error for a report we sent; the socket still works.
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    return;
                }
            }
        }

        private static bool Same(IPAddress a, IPAddress? b)
        {
            if (b == null)
            {
                return false;
            }

            var left = a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
            var right = b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b;
            return left.Equals(right);
        }

        private void Play(RtspRequest request)
        {
            var stream = _stream;
            var packetizer = _packetizer;
            if (_player != null)
            {
                Send(_session.Reply(request, 200, "OK", new RtspHeaders().Add("Range", "npt=0.000-")));
                return;
            }

            if (stream == null || packetizer == null)
            {
                Send(_session.Reply(request, 455, "Method Not Valid in This State"));
                return;
            }

            if (!RtspPlayer.SamePublish(stream, packetizer, _server.Options.Limits))
            {
                // The path was published anew since SETUP: its tracks are not the ones set up.
                Send(_session.Reply(request, 454, "Session Not Found"));
                return;
            }

            // After a PAUSE the cached GOP was sent already: the player resumes at the next key frame instead.
            var player = new RtspPlayer(this, _session.Transports.Keys, _server.Options.PlayerQueue, first => Send(_session.Play(request, first)), resume: _played);
            _played = true;
            _server.Hub.Subscribe(stream.Key, player, null);
            _player = player;
            if (player.TryRefuse())
            {
                // Unpublished between SETUP and PLAY.
                LeaveStream();
                Send(_session.Reply(request, 404, "Not Found"));
                return;
            }

            Ticket.MarkDecided();
            _log = _log.ForContext("Path", stream.Key);
            _log.Information("{Remote} plays {Stream} over {Transport}", Remote, stream.Key, Transport);
        }

        // The stream of the target's path, admitted and described, with its RTP face; or null, answered.
        private async Task<(LiveStream Stream, PublishPacketizer Packetizer)?> PacketizerAsync(RtspRequest request, RtspTarget target)
        {
            if (target.Path.Length == 0 || !await AdmitAsync(request, target).ConfigureAwait(false))
            {
                if (target.Path.Length == 0)
                {
                    Send(_session.Reply(request, 404, "Not Found"));
                }

                return null;
            }

            var stream = _server.Hub.Find(target.Path);
            var describeWait = PublishTracker.StartWait;
            if ((stream == null || !stream.IsPublished) && await _server.DemandAsync(target.Path, OnDemandWait).ConfigureAwait(false))
            {
                // An on-demand source started for this reader: a camera's first key frame may be a GOP away.
                stream = _server.Hub.Find(target.Path);
                describeWait = OnDemandWait;
            }

            if (stream == null || !stream.IsPublished)
            {
                Send(_session.Reply(request, 404, "Not Found"));
                return null;
            }

            var described = stream.Described;
            if (await Task.WhenAny(described, Task.Delay(describeWait)).ConfigureAwait(false) == described && !described.Result)
            {
                Send(_session.Reply(request, 404, "Not Found"));
                return null;
            }

            PublishPacketizer? packetizer;
            lock (stream.Gate)
            {
                packetizer = stream.RtpPacketizer(_server.Options.Limits, DateTime.UtcNow, new Random());
            }

            if (packetizer == null)
            {
                Send(_session.Reply(request, 415, "Unsupported Media Type"));
                _log.Warning("{Remote} may not play {Stream} over RTSP: its codecs are none RTSP carries here (H.264, H.265, AAC)", Remote, target.Path);
                return null;
            }

            return (stream, packetizer);
        }

        // The access policy decides once per path, query and credential. A play key travels in the
        // query (?key=), as the password of Basic credentials, or proven by Digest; a refusal is the
        // one answer every refused client gets, whether the path exists or not.
        private async Task<bool> AdmitAsync(RtspRequest request, RtspTarget target) => await DecideAsync(request, target, AccessAction.Play).ConfigureAwait(false) != null;

        // The decision that let the client in (AccessDecision.Allow of "anyone" on an open server), or null when refused and answered.
        private async Task<AccessDecision?> DecideAsync(RtspRequest request, RtspTarget target, AccessAction action)
        {
            var access = _server.Access;
            if (access == null)
            {
                return AccessDecision.Allow(target.Path, "anyone");
            }

            var shown = new StreamName(target.Path, target.Query).ToString();
            var authorization = request.Headers.Get("Authorization");
            var cacheKey = action + " " + target.Path + "?" + target.Query + "#" + authorization;
            if (!_admitted.TryGetValue(cacheKey, out var decision))
            {
                var stream = new StreamName(target.Stream, target.Query);
                var key = BasicPassword(authorization) ?? DigestKey(access, request, target, stream, action);
                var app = new StreamName(target.App, key == null ? string.Empty : "key=" + Uri.EscapeDataString(key));
                decision = await access.DecideAsync(new AccessRequest(action, app, stream, _remoteAddress, Id, DateTimeOffset.UtcNow)).ConfigureAwait(false);
                if (decision.IsAllowed)
                {
                    // A few paths and credentials per connection; a client varying them gets no memory out of it.
                    if (_admitted.Count >= 8)
                    {
                        _admitted.Clear();
                    }

                    _admitted[cacheKey] = decision;
                }
            }

            if (decision.IsAllowed)
            {
                return decision;
            }

            _server.CountRtspRejection(RejectionReason.AccessDenied);
            _log.Warning("{Remote} may not {Action} {Stream} over RTSP: {Reason}", Remote, action == AccessAction.Play ? "play" : "publish", shown, decision.Reason);
            if (++_refusals > MaxRefusals)
            {
                // A client guessing keys on one connection: the challenge is answered a few times, then the connection goes.
                Abort(RejectionReason.AccessDenied, _refusals + " refused requests");
                return null;
            }

            Send(_session.Reply(request, 401, "Unauthorized", new RtspHeaders()
                .Add("WWW-Authenticate", RtspDigest.Challenge(Realm, _nonce))
                .Add("WWW-Authenticate", "Basic realm=\"" + Realm + "\"")));
            return null;
        }

        // The key whose Digest response the client sent, for the nonce this connection issued.
        private string? DigestKey(AccessDecider access, RtspRequest request, RtspTarget target, StreamName stream, AccessAction action)
        {
            var digest = RtspDigest.Parse(request.Headers.Get("Authorization"));
            // A response is good for this connection's nonce and the path it names only, so one seen on the wire cannot open another path.
            if (digest == null || digest.Nonce != _nonce || RtspTarget.Parse(digest.Uri)?.Path != target.Path)
            {
                return null;
            }

            var probe = new AccessRequest(action, new StreamName(target.App, string.Empty), stream, _remoteAddress, Id, DateTimeOffset.UtcNow);
            return access.KeyMatching(probe, key => digest.Matches(request.Method, Realm, key));
        }

        // The password of Basic credentials (RFC 7617) stands for the play key; the user name is not used.
        private static string? BasicPassword(string? authorization)
        {
            const string Scheme = "Basic ";
            if (authorization == null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Substring(Scheme.Length).Trim()));
                var colon = text.IndexOf(':');
                return colon < 0 ? null : text.Substring(colon + 1);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private void LeaveStream()
        {
            var player = _player;
            _player = null;
            if (player?.Stream != null)
            {
                _server.Hub.Unsubscribe(player.Stream, player);
            }
        }

        private void Send(RtspResponse response)
        {
            _log.Debug("{Remote} (RTSP) answered {Status}", Remote, response.StatusCode);
            _outbound.Enqueue(RtspWriter.Write(response));
        }

        private static void WriteInterleavedHeader(byte[] packet, int channel, int length = -1)
        {
            if (length < 0)
            {
                length = packet.Length - RtpFrame.Headroom;
            }

            packet[0] = (byte)'$';
            packet[1] = (byte)channel;
            packet[2] = (byte)(length >> 8);
            packet[3] = (byte)length;
        }

        private static string ReasonOf(int status) => status switch
        {
            413 => "Request Entity Too Large",
            505 => "RTSP Version Not Supported",
            _ => "Bad Request",
        };

        private static string NewSessionId()
        {
            var bytes = new byte[8];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return BitConverter.ToString(bytes).Replace("-", string.Empty);
        }
    }
}
