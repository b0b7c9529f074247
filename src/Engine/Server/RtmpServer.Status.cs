using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Status;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>The status snapshot and the operator's drop, for the status API, metrics and the PowerShell module.</summary>
    public sealed partial class RtmpServer
    {
        private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

        /// <summary>
        /// What the server is doing now: streams, sessions and rejection counts. Cheap enough to call
        /// once a second (it walks the connections and streams once), and never shows a key: paths
        /// are "app/name" without the query.
        /// </summary>
        public ServerStatus GetStatus()
        {
            var sessions = new List<SessionStatus>();
            foreach (var connection in _live.Values)
            {
                var published = connection.Published;
                var playing = connection.PlayingPath;
                var role = published != null ? SessionRole.Publisher : playing != null ? SessionRole.Player : SessionRole.Undecided;
                sessions.Add(new SessionStatus(
                    connection.Id,
                    connection.Remote,
                    role,
                    published?.Key ?? playing,
                    new DateTimeOffset(connection.ConnectedAt, TimeSpan.Zero),
                    connection.BytesIn,
                    connection.BytesOut,
                    connection.IsTls ? "rtmps" : "rtmp"));
            }

            foreach (var connection in _rtspLive.Values)
            {
                var publishing = connection.Publishing?.Key;
                var playing = connection.PlayingPath;
                sessions.Add(new SessionStatus(
                    connection.Id,
                    connection.Remote,
                    publishing != null ? SessionRole.Publisher : playing != null ? SessionRole.Player : SessionRole.Undecided,
                    publishing ?? playing,
                    new DateTimeOffset(connection.ConnectedAt, TimeSpan.Zero),
                    connection.BytesIn,
                    connection.BytesOut,
                    connection.IsTls ? "rtsps" : "rtsp",
                    connection.UsesUdp ? "udp" : "tcp"));
            }

            var now = DateTime.UtcNow;
            var streams = new List<StreamStatus>();
            foreach (var stream in Hub.Streams)
            {
                object? publisher;
                lock (stream.Gate)
                {
                    publisher = stream.Publisher;
                }

                var holder = publisher as IServerConnection;
                var video = stream.Video;
                var audio = stream.Audio;
                streams.Add(new StreamStatus(
                    stream.Key,
                    publisher != null,
                    holder?.Id,
                    holder?.Remote,
                    video == null ? null : CodecNames.Of(video),
                    video?.Width ?? 0,
                    video?.Height ?? 0,
                    audio == null ? null : CodecNames.Of(audio),
                    Math.Round(stream.BitsPerSecond() / 1000.0, 1),
                    stream.PlayerCount,
                    stream.BytesReceived,
                    stream.BytesSent,
                    publisher == null ? TimeSpan.Zero : now - stream.PublishedAt));
            }

            return new ServerStatus(
                _startedAt,
                DateTimeOffset.UtcNow - _startedAt,
                ConnectionCount,
                streams.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
                sessions.OrderBy(s => s.Id).ToList(),
                Rejections.Snapshot())
            {
                RtspRejections = RtspRejections.Snapshot(),
            };
        }

        /// <summary>
        /// Closes a session at once, as an operator asked: its log line and the
        /// <see cref="RejectionReason.DroppedByOperator"/> counter say so. False when no session has
        /// that id (it may have just left).
        /// </summary>
        /// <param name="id">The session id from <see cref="GetStatus"/> or a log line.</param>
        /// <param name="detail">Why, for the log line (say who asked); never a secret.</param>
        public bool TryDropSession(long id, string? detail = null)
        {
            if (_live.TryGetValue(id, out var connection))
            {
                connection.Abort(RejectionReason.DroppedByOperator, detail);
                return true;
            }

            if (_rtspLive.TryGetValue(id, out var rtsp))
            {
                rtsp.Abort(RejectionReason.DroppedByOperator, detail);
                return true;
            }

            return false;
        }
    }
}
