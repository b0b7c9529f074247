using System;
using System.Collections.Generic;
using System.Threading;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Session;

namespace RtmpXProtect.Engine.Server.Rtsp
{
    /// <summary>
    /// An RTSP session that plays, as a subscriber of a live stream: it sends each frame's shared
    /// RTP packets on the transports SETUP chose, a sender report ahead of each track's first
    /// packet and every few seconds after, and when the client falls behind it drops to the next
    /// key frame, then gives up, as an RTMP player does.
    /// </summary>
    internal sealed class RtspPlayer : IMediaSink
    {
        private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);
        private const int NotAnswered = 0;
        private const int Answered = 1;
        private const int Refused = 2;
        private readonly IRtpOutput _output;
        private readonly PlayerQueuePolicy _policy;
        private readonly Dictionary<int, TrackState> _tracks = new Dictionary<int, TrackState>();
        private readonly Action<IReadOnlyDictionary<int, (ushort, uint)>> _answer;
        private int _answered;
        private bool _skipping;
        private bool _hasVideo;
        private long _framesDropped;
        private readonly bool _resume;

        // Set on the publisher's thread, read there too: every sink call of a stream comes from its publisher's thread, under its order.
        private bool _ended;

        /// <param name="output">Where packets go.</param>
        /// <param name="tracks">The tracks set up, by index.</param>
        /// <param name="policy">When the player counts as behind.</param>
        /// <param name="answer">Queues the answer to PLAY with each track's first sequence number and RTP time; called once, before any packet.</param>
        /// <param name="resume">A PLAY after PAUSE: the cached GOP is not sent again, the player starts at the next key frame.</param>
        public RtspPlayer(IRtpOutput output, IEnumerable<int> tracks, PlayerQueuePolicy policy, Action<IReadOnlyDictionary<int, (ushort, uint)>> answer, bool resume)
        {
            _resume = resume;
            _output = output;
            _policy = policy;
            _answer = answer;
            foreach (var track in tracks)
            {
                _tracks[track] = new TrackState();
            }
        }

        public LiveStream? Stream { get; set; }

        public long FramesDropped => Interlocked.Read(ref _framesDropped);

        /// <summary>
        /// Claims the answer to PLAY for a refusal when no publish started the player: false when
        /// a publish (on the publisher's thread) answered first.
        /// </summary>
        public bool TryRefuse() => Interlocked.CompareExchange(ref _answered, Refused, NotAnswered) == NotAnswered;

        /// <summary>Whether the packets this player would get are those of <paramref name="packetizer"/>, the publish SETUP described.</summary>
        public static bool SamePublish(LiveStream stream, RtmpXProtect.Engine.Rtsp.Session.PublishPacketizer packetizer, WireLimits limits)
        {
            lock (stream.Gate)
            {
                return ReferenceEquals(stream.RtpPacketizer(limits, DateTime.UtcNow, new Random()), packetizer);
            }
        }

        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
            if (newPublisher)
            {
                // Another publish than the one SETUP described (its tracks may differ): the PLAY that
                // found the path unpublished refuses, or, answered already, the session ends.
                _ended = true;
                if (Volatile.Read(ref _answered) == Answered)
                {
                    _output.End("the publish changed", Array.Empty<(int, byte[])>());
                }

                return;
            }

            if (_ended || Interlocked.CompareExchange(ref _answered, Answered, NotAnswered) != NotAnswered)
            {
                return;
            }


            if (_resume)
            {
                _skipping = true;
                _hasVideo = cached.Count > 0 && HasVideo(cached);
                _answer(new Dictionary<int, (ushort, uint)>());
                return;
            }

            var first = new Dictionary<int, (ushort, uint)>();
            foreach (var frame in cached)
            {
                var rtp = frame.Rtp;
                if (rtp != null && rtp.Packets.Count > 0 && _tracks.ContainsKey(rtp.Track.Index) && !first.ContainsKey(rtp.Track.Index))
                {
                    first[rtp.Track.Index] = (RtpHeader.SequenceOf(rtp.Packets[0].AsSpan(RtpFrame.Headroom)), rtp.RtpTimestamp);
                }

                _hasVideo |= rtp != null && rtp.Track.IsVideo;
            }

            _answer(first);
            foreach (var frame in cached)
            {
                Send(frame, joining: true);
            }
        }

        public void OnFrame(MediaFrame frame)
        {
            if (Volatile.Read(ref _answered) == Answered && !_ended)
            {
                Send(frame, joining: false);
            }
        }

        /// <summary>The publish ended: each track started says goodbye (a sender report and a BYE), then the session ends.</summary>
        public void OnStop()
        {
            if (_ended)
            {
                return;
            }

            // Nothing of a later publish reaches a session whose tracks were set up from this one.
            _ended = true;
            var goodbye = new List<(int, byte[])>();
            if (Volatile.Read(ref _answered) == Answered)
            {
                foreach (var pair in _tracks)
                {
                    var state = pair.Value;
                    if (state.Last == null)
                    {
                        continue;
                    }

                    var packet = new byte[RtpFrame.Headroom + RtcpSenderReport.Length + RtcpBye.Length];
                    RtcpSenderReport.Write(packet.AsSpan(RtpFrame.Headroom), state.Last.Track.Ssrc, state.Last.WallClock, state.Last.RtpTimestamp, state.Packets, state.Octets);
                    RtcpBye.Write(packet.AsSpan(RtpFrame.Headroom + RtcpSenderReport.Length), state.Last.Track.Ssrc);
                    goodbye.Add((pair.Key, packet));
                }
            }

            _output.End("the publisher left", goodbye);
        }

        private static bool HasVideo(IReadOnlyList<MediaFrame> frames)
        {
            foreach (var frame in frames)
            {
                if (frame.Rtp?.Track.IsVideo == true)
                {
                    return true;
                }
            }

            return false;
        }

        private void Send(MediaFrame frame, bool joining)
        {
            var rtp = frame.Rtp;
            if (rtp == null || !_tracks.TryGetValue(rtp.Track.Index, out var state))
            {
                return;
            }

            _hasVideo |= rtp.Track.IsVideo;
            if (!joining && !KeepsUp(rtp))
            {
                Interlocked.Increment(ref _framesDropped);
                return;
            }

            if (!state.Reported || rtp.WallClock - state.LastReport >= ReportInterval || rtp.WallClock < state.LastReport)
            {
                var report = new byte[RtpFrame.Headroom + RtcpSenderReport.Length];
                RtcpSenderReport.Write(report.AsSpan(RtpFrame.Headroom), rtp.Track.Ssrc, rtp.WallClock, rtp.RtpTimestamp, state.Packets, state.Octets);
                _output.Send(rtp.Track.Index, report, rtcp: true, flush: false);
                state.Reported = true;
                state.LastReport = rtp.WallClock;
            }

            var packets = rtp.Packets;
            for (int i = 0; i < packets.Count; i++)
            {
                _output.Send(rtp.Track.Index, packets[i], rtcp: false, flush: i == packets.Count - 1);
            }

            state.Last = rtp;
            state.Packets += packets.Count;
            state.Octets += rtp.PayloadBytes;
            Stream?.AddBytesSent(rtp.PayloadBytes);
        }

        // Behind: drop to the next key frame (any audio frame without video); far behind: give up.
        private bool KeepsUp(RtpFrame rtp)
        {
            var queued = _output.QueuedBytes;
            if (queued > _policy.DisconnectAboveBytes)
            {
                _output.TooSlow(queued + " bytes queued");
                return false;
            }

            if (_skipping)
            {
                var resume = rtp.IsKeyFrame || (!_hasVideo && !rtp.Track.IsVideo);
                if (!resume || queued > _policy.SkipAboveBytes)
                {
                    return false;
                }

                _skipping = false;
                return true;
            }

            if (queued > _policy.SkipAboveBytes)
            {
                _skipping = true;
                return false;
            }

            return true;
        }

        private sealed class TrackState
        {
            public bool Reported;
            public DateTime LastReport;
            public long Packets;
            public long Octets;
            public RtpFrame? Last;
        }
    }
}
