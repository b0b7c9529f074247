using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Engine.Rtsp.Session;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Server.Rtsp
{
    /// <summary>
    /// A publish over RTSP (ANNOUNCE, SETUP with mode=record over TCP, RECORD): the same publish
    /// access, hub, events and recording as an RTMP publish; its RTP becomes the FLV tags every
    /// RTMP and RTSP player of the path gets.
    /// </summary>
    internal sealed partial class RtspConnection
    {
        private Announced? _announced;
        private LiveStream? _publishing;
        private PublishTracker? _tracker;

        /// <summary>The path published through this connection, for the status API.</summary>
        public LiveStream? Publishing => _publishing;

        private async Task AnnounceAsync(RtspRequest request, RtspTarget target)
        {
            if (_announced != null || _session.IsEstablished || target.Stream.Length == 0)
            {
                Send(_session.Reply(request, 455, "Method Not Valid in This State"));
                return;
            }

            PublishDepacketizer depacketizer;
            try
            {
                depacketizer = PublishDepacketizer.Create(SessionDescriptionReader.Read(Encoding.UTF8.GetString(request.Body.ToArray())));
            }
            catch (FormatException e)
            {
                _log.Warning("{Remote} announced what cannot be published here: {Reason}", Remote, e.Message);
                Send(_session.Reply(request, 415, "Unsupported Media Type"));
                return;
            }

            var decision = await DecideAsync(request, target, AccessAction.Publish).ConfigureAwait(false);
            if (decision == null)
            {
                return;
            }

            var admission = new AccessRequest(AccessAction.Publish, new RtmpXProtect.Engine.Rtmp.Commands.StreamName(target.App, string.Empty), new RtmpXProtect.Engine.Rtmp.Commands.StreamName(target.Stream, target.Query), _remoteAddress, Id, DateTimeOffset.UtcNow);
            _announced = new Announced(target, depacketizer, admission);
            Send(_session.Announce(request));
        }

        private void SetupRecord(RtspRequest request)
        {
            var announced = _announced!;
            var track = announced.Depacketizer.TrackOf(request.Uri);
            var answer = _session.Setup(request, announced.Target, announced.Depacketizer.Controls.Count, () => 0, _ => 0, recordTrack: track < 0 ? int.MaxValue : track);
            if (answer.StatusCode == 200)
            {
                Volatile.Write(ref _transportName, "RTSP/TCP");
            }

            Send(answer);
        }

        private void Record(RtspRequest request)
        {
            var announced = _announced;
            if (announced == null)
            {
                Send(_session.Reply(request, 455, "Method Not Valid in This State"));
                return;
            }

            if (_publishing != null)
            {
                Send(_session.Reply(request, 200, "OK"));
                return;
            }

            var key = announced.Target.Path;
            var stream = _server.Hub.TryPublish(key, this);
            if (stream == null)
            {
                _log.Warning("{Remote} may not publish {Stream} over RTSP: it is already being published", Remote, key);
                Send(_session.Reply(request, 403, "Forbidden"));
                return;
            }

            _publishing = stream;
            _tracker = new PublishTracker(_server, key, _remoteAddress?.ToString() ?? string.Empty, Id);
            Ticket.MarkDecided();
            var recorder = _server.StartRecording(stream, announced.Admission);
            _log = _log.ForContext("Path", key);
            _log.Information("{Remote} publishes {Stream} over RTSP{Recording}", Remote, key, recorder == null ? string.Empty : " (recording to " + recorder.Directory + ")");
            Send(_session.Record(request));
        }

        // RTP of a recording track to the hub; RTCP and frames on channels nothing was set up for are dropped.
        private void Receive(InterleavedFrame frame)
        {
            var stream = _publishing;
            if (stream == null)
            {
                return;
            }

            var track = _session.TrackOfChannel(frame.Channel);
            if (track < 0 || _session.Transports[track].Channel != frame.Channel)
            {
                return;
            }

            foreach (var flv in _announced!.Depacketizer.Push(track, frame.Payload.Span))
            {
                Deliver(stream, flv);
            }
        }

        private void Deliver(LiveStream stream, FlvFrame flv)
        {
            var media = MediaFrame.From(new RtmpMessage(flv.IsVideo ? MessageType.Video : MessageType.Audio, flv.Timestamp, 1, flv.Body));
            stream.Deliver(media, _server.Options.Limits);
            _tracker?.OnFrame(media);
        }

        private void StopPublishing(string reason)
        {
            var stream = _publishing;
            if (stream == null)
            {
                return;
            }

            foreach (var flv in _announced!.Depacketizer.Flush())
            {
                Deliver(stream, flv);
            }

            _publishing = null;
            _server.Hub.Unpublish(stream, this);
            _tracker?.Stop(reason);
            _tracker = null;
            _log.Information("{Remote} stopped publishing {Stream} over RTSP ({Reason}): {Frames} frames, {Bytes} bytes; {Video}; {Audio}", Remote, stream.Key, reason, stream.FramesReceived, stream.BytesReceived, stream.VideoDescription ?? "no video", stream.AudioDescription ?? "no audio");
        }

        private sealed class Announced
        {
            public Announced(RtspTarget target, PublishDepacketizer depacketizer, AccessRequest admission)
            {
                Target = target;
                Depacketizer = depacketizer;
                Admission = admission;
            }

            public RtspTarget Target { get; }

            public PublishDepacketizer Depacketizer { get; }

            public AccessRequest Admission { get; }
        }
    }
}
