using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// The server side of one RTSP playing session (RFC 2326), without IO: it checks each request
    /// against the session's state and id, keeps which track goes over which transport, and
    /// writes the answers. The connection around it looks up paths, decides access, subscribes
    /// and sends; time is passed in.
    /// </summary>
    public sealed class RtspServerSession
    {
        /// <summary>The methods answered, for OPTIONS' Public header.</summary>
        public const string PublicMethods = "OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER";

        private readonly SortedDictionary<int, RtspTransport> _transports = new SortedDictionary<int, RtspTransport>();
        private TimeSpan _lastActivity;

        /// <summary>Creates a session that will carry <paramref name="id"/> once the first SETUP made it.</summary>
        /// <param name="id">A hard-to-guess id (RFC 2326 §12.37: at least eight characters).</param>
        /// <param name="timeout">How long it lives without a request or RTCP from the client.</param>
        /// <param name="now">The time now.</param>
        public RtspServerSession(string id, TimeSpan timeout, TimeSpan now)
        {
            if (string.IsNullOrEmpty(id) || id.Length < 8 || !RtspSyntax.IsToken(id))
            {
                throw new ArgumentException("A session id is a token of at least eight characters.", nameof(id));
            }

            Id = id;
            Timeout = timeout;
            _lastActivity = now;
        }

        /// <summary>The session id.</summary>
        public string Id { get; }

        /// <summary>How long the session lives without activity.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Where the session is.</summary>
        public RtspSessionState State { get; private set; } = RtspSessionState.Init;

        /// <summary>The path the session's tracks belong to, once a SETUP named it.</summary>
        public string? Path { get; private set; }

        /// <summary>The tracks set up, by index, with their transports.</summary>
        public IReadOnlyDictionary<int, RtspTransport> Transports => _transports;

        /// <summary>Whether the session exists for the client (a SETUP made it).</summary>
        public bool IsEstablished => State != RtspSessionState.Init || _transports.Count > 0;

        /// <summary>The client did something (a request, an RTCP report): the timeout starts again.</summary>
        public void Touch(TimeSpan now) => _lastActivity = now;

        /// <summary>Whether the client has been silent for longer than the timeout.</summary>
        public bool IsExpired(TimeSpan now) => now - _lastActivity > Timeout;

        /// <summary>
        /// The refusal of a request that cannot go on — no CSeq (400), a method not served here
        /// (501), another session's id (454), a method the state does not allow (455) — or null
        /// when it may. Touches the session.
        /// </summary>
        public RtspResponse? Check(RtspRequest request, TimeSpan now)
        {
            if (request.Headers.CSeq == null)
            {
                return new RtspResponse(400, "Bad Request", new RtspHeaders().Add("Server", ServerName));
            }

            Touch(now);
            switch (request.Method)
            {
                case "OPTIONS":
                case "DESCRIBE":
                case "ANNOUNCE":
                    return null;
                case "SETUP":
                case "PLAY":
                case "RECORD":
                case "PAUSE":
                case "TEARDOWN":
                case "GET_PARAMETER":
                case "SET_PARAMETER":
                    break;
                default:
                    return Reply(request, 501, "Not Implemented", new RtspHeaders().Add("Allow", PublicMethods));
            }

            var given = SessionOf(request);
            if (given == null)
            {
                // SETUP makes the session; keep-alives before one exists are answered as OPTIONS is.
                return request.Method == "SETUP" || request.Method == "GET_PARAMETER" || request.Method == "SET_PARAMETER"
                    ? null
                    : Reply(request, 454, "Session Not Found");
            }

            if (!IsEstablished || given != Id)
            {
                return Reply(request, 454, "Session Not Found");
            }

            if (State == RtspSessionState.Closed)
            {
                // A client tearing down often has a PAUSE or a keep-alive in flight (GStreamer sends
                // PAUSE and TEARDOWN together): those are answered as done; anything else is refused.
                return request.Method == "PAUSE" || request.Method == "TEARDOWN" || request.Method == "GET_PARAMETER" || request.Method == "SET_PARAMETER"
                    ? null
                    : Reply(request, 455, "Method Not Valid in This State");
            }

            if ((request.Method == "PLAY" || request.Method == "PAUSE" || request.Method == "RECORD") && _transports.Count == 0)
            {
                return Reply(request, 455, "Method Not Valid in This State");
            }

            return null;
        }

        /// <summary>An answer with the request's CSeq, the server's name and, once it exists, the session.</summary>
        public RtspResponse Reply(RtspRequest request, int status, string reason, RtspHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        {
            var all = new RtspHeaders();
            if (request.Headers.CSeq is int cseq)
            {
                all.Add("CSeq", cseq.ToString(CultureInfo.InvariantCulture));
            }

            all.Add("Server", ServerName);
            if (IsEstablished && request.Method != "OPTIONS" && request.Method != "DESCRIBE" && request.Method != "ANNOUNCE")
            {
                all.Add("Session", Id + ";timeout=" + ((int)Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }

            if (headers != null)
            {
                foreach (var header in headers)
                {
                    all.Add(header.Key, header.Value);
                }
            }

            return new RtspResponse(status, reason, all, body);
        }

        /// <summary>The answer to OPTIONS.</summary>
        public RtspResponse Options(RtspRequest request) => Reply(request, 200, "OK", new RtspHeaders().Add("Public", PublicMethods));

        /// <summary>The answer to DESCRIBE: the path's SDP, with the request URL as the base its tracks' controls are relative to.</summary>
        public RtspResponse Describe(RtspRequest request, string sdp)
        {
            var headers = new RtspHeaders().Add("Content-Type", "application/sdp").Add("Content-Base", ContentBase(request.Uri));
            return Reply(request, 200, "OK", headers, Encoding.ASCII.GetBytes(sdp));
        }

        /// <summary>
        /// Sets up one track of the target's path (of <paramref name="trackCount"/>) over the
        /// transport the client asked for, or refuses: 461 for no transport served here or one that
        /// differs from the session's others (UDP and TCP mixed), 459 for a second path in one
        /// session, 404 for a track the path has not, 455 while playing.
        /// <paramref name="udpPort"/> gives the server's RTP port for a UDP track, <paramref name="ssrcOf"/>
        /// a track's SSRC. With <paramref name="recordTrack"/> (the track an announced publish's
        /// control names) the client sends: only mode=record over TCP is taken.
        /// </summary>
        public RtspResponse Setup(RtspRequest request, RtspTarget target, int trackCount, Func<int> udpPort, Func<int, uint> ssrcOf, int? recordTrack = null)
        {
            if (State == RtspSessionState.Playing || State == RtspSessionState.Recording)
            {
                return Reply(request, 455, "Method Not Valid in This State");
            }

            if (Path != null && Path != target.Path)
            {
                return Reply(request, 459, "Aggregate Operation Not Allowed");
            }

            var track = recordTrack ?? target.Track ?? (trackCount == 1 ? 0 : -1);
            if (track < 0 || track >= trackCount)
            {
                return Reply(request, 404, "Not Found");
            }

            var recording = recordTrack != null;
            var transport = RtspTransport.ChooseFrom(request.Headers.Get("Transport"));
            if (transport == null || transport.IsRecord != recording || (recording && !transport.IsTcp) || (_transports.Count > 0 && FirstTransport().IsTcp != transport.IsTcp))
            {
                return Reply(request, 461, "Unsupported Transport");
            }

            var port = 0;
            if (transport.IsTcp)
            {
                if (transport.Channel < 0 || ChannelTaken(transport.Channel, track))
                {
                    transport = transport.WithChannel(FreeChannel(track));
                }
            }
            else
            {
                port = udpPort();
            }

            _transports[track] = transport;
            Path = target.Path;
            if (State == RtspSessionState.Init)
            {
                State = RtspSessionState.Ready;
            }

            return Reply(request, 200, "OK", new RtspHeaders().Add("Transport", transport.Reply(recording ? (uint?)null : ssrcOf(track), port)));
        }

        /// <summary>
        /// Starts playing: the answer carries the live range and, per track set up, the sequence
        /// number and RTP time of the first packet the client will get (RFC 2326 §12.33).
        /// </summary>
        public RtspResponse Play(RtspRequest request, IReadOnlyDictionary<int, (ushort Sequence, uint RtpTime)> firstPackets)
        {
            State = RtspSessionState.Playing;
            var headers = new RtspHeaders().Add("Range", "npt=0.000-");
            var info = new StringBuilder();
            var baseUrl = ContentBase(request.Uri);
            foreach (var pair in _transports)
            {
                if (!firstPackets.TryGetValue(pair.Key, out var first))
                {
                    continue;
                }

                if (info.Length > 0)
                {
                    info.Append(',');
                }

                info.Append("url=").Append(baseUrl).Append("trackID=").Append(pair.Key.ToString(CultureInfo.InvariantCulture))
                    .Append(";seq=").Append(first.Sequence.ToString(CultureInfo.InvariantCulture))
                    .Append(";rtptime=").Append(first.RtpTime.ToString(CultureInfo.InvariantCulture));
            }

            if (info.Length > 0)
            {
                headers.Add("RTP-Info", info.ToString());
            }

            return Reply(request, 200, "OK", headers);
        }

        /// <summary>Starts taking the client's media (a publish).</summary>
        public RtspResponse Record(RtspRequest request)
        {
            State = RtspSessionState.Recording;
            return Reply(request, 200, "OK");
        }

        /// <summary>Stops sending; a later PLAY resumes live.</summary>
        public RtspResponse Pause(RtspRequest request)
        {
            if (State != RtspSessionState.Closed)
            {
                State = RtspSessionState.Ready;
            }

            return Reply(request, 200, "OK");
        }

        /// <summary>Ends the session.</summary>
        public RtspResponse Teardown(RtspRequest request)
        {
            var response = Reply(request, 200, "OK");
            State = RtspSessionState.Closed;
            return response;
        }

        /// <summary>The track whose RTCP arrives on interleaved <paramref name="channel"/>, or -1.</summary>
        public int TrackOfChannel(int channel)
        {
            foreach (var pair in _transports)
            {
                if (pair.Value.IsTcp && (pair.Value.Channel == channel || pair.Value.Channel + 1 == channel))
                {
                    return pair.Key;
                }
            }

            return -1;
        }

        /// <summary>The session id a request names (the header's value before any ";timeout").</summary>
        public static string? SessionOf(RtspRequest request)
        {
            var value = request.Headers.Get("Session");
            if (value == null)
            {
                return null;
            }

            var semicolon = value.IndexOf(';');
            return (semicolon < 0 ? value : value.Substring(0, semicolon)).Trim();
        }

        /// <summary>The request URL ended by a slash: what relative track controls are appended to.</summary>
        public static string ContentBase(string uri) => uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";

        private const string ServerName = "rtmpx";

        /// <summary>The answer to ANNOUNCE: the description is taken, SETUPs with mode=record follow.</summary>
        public RtspResponse Announce(RtspRequest request) => Reply(request, 200, "OK");

        private RtspTransport FirstTransport()
        {
            foreach (var transport in _transports.Values)
            {
                return transport;
            }

            throw new InvalidOperationException("No transport is set up.");
        }

        private bool ChannelTaken(int channel, int track)
        {
            foreach (var pair in _transports)
            {
                if (pair.Key != track && pair.Value.IsTcp && Math.Abs(pair.Value.Channel - channel) < 2)
                {
                    return true;
                }
            }

            return false;
        }

        private int FreeChannel(int track)
        {
            for (int channel = 2 * track; channel < 254; channel += 2)
            {
                if (!ChannelTaken(channel, track))
                {
                    return channel;
                }
            }

            for (int channel = 0; channel < 254; channel += 2)
            {
                if (!ChannelTaken(channel, track))
                {
                    return channel;
                }
            }

            throw new InvalidOperationException("No interleaved channel pair is free.");
        }
    }
}
