using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.ImageServer;
using RtmpXProtect.Engine.XProtect.Timing;

namespace RtmpXProtect.Engine.XProtect.Export
{
    /// <summary>
    /// Exports a camera's recording to MP4 over the ImageServer protocol: goto the start, then
    /// <c>next</c> with several requests in flight, one GOP per reply (multipart), each written as
    /// it arrives, so memory stays bounded whatever the length. The recording's own times are kept
    /// (see <see cref="RecorderPictureTimes"/>), a gap stays a gap unless closed, and a lost
    /// connection is reopened and resumed after the last reply received, no picture twice.
    /// </summary>
    public static class XProtectExporter
    {
        /// <summary>Runs the export.</summary>
        /// <exception cref="XProtectException">The server, the camera or the recording cannot be had; the message says which, naming no secret.</exception>
        public static async Task<ExportSummary> RunAsync(ExportRequest request, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (request.To <= request.From)
            {
                throw new ArgumentException("The end of the range must be after its start.", nameof(request));
            }

            if (request.PipelineDepth < 1 || request.PipelineDepth > 32)
            {
                throw new ArgumentOutOfRangeException(nameof(request), request.PipelineDepth, "PipelineDepth must be 1–32.");
            }

            var clock = Stopwatch.StartNew();
            await using var session = await XProtectSession.OpenAsync(request.Server, cancellationToken).ConfigureAwait(false);
            var camera = await session.FindCameraAsync(request.Camera, cancellationToken).ConfigureAwait(false);
            var address = await session.GetImageServerAsync(camera, cancellationToken).ConfigureAwait(false);
            var imageServer = request.ImageServer.WithCertificatePolicy(request.Server.AllowUntrustedCertificate);
            var state = new ExportState(request, camera.Name);
            using (state.Sink)
            {
                while (true)
                {
                    try
                    {
                        var token = session.RecorderToken;
                        await using var connection = await ImageServerConnection.ConnectAsync(address, camera.Id, token, imageServer, cancellationToken).ConfigureAwait(false);

                        // A failed connectupdate shows as the recorder refusing the next request, which resumes the export.
                        void Refreshed(RecorderToken refreshed) => _ = connection.UpdateTokenAsync(refreshed, cancellationToken).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                        session.RecorderTokenRefreshed += Refreshed;
                        if (!ReferenceEquals(session.RecorderToken, token))
                        {
                            Refreshed(session.RecorderToken);
                        }

                        try
                        {
                            await PlayAsync(connection, state, progress, clock, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            session.RecorderTokenRefreshed -= Refreshed;
                        }

                        break;
                    }
                    catch (Exception e) when ((e is ImageServerException || e is ImageServerProtocolException) && state.Resumes < request.MaxResumes)
                    {
                        // Resume after the last reply taken: goto its Next, replies already seen skipped.
                        state.Resumes++;
                        await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << Math.Min(state.Resumes - 1, 4))), cancellationToken).ConfigureAwait(false);
                    }
                    catch (ImageServerException e)
                    {
                        throw new XProtectException($"Export of camera {camera.Name} failed after {state.Resumes} resumes: {e.Message}", e);
                    }
                    catch (ImageServerProtocolException e)
                    {
                        throw new XProtectException($"Export of camera {camera.Name} failed: {e.Message}", e);
                    }
                }

                state.Finish();
                if (state.Sink.Frames == 0)
                {
                    throw new XProtectException($"Camera {camera.Name} has no recording from {request.From:u} to {request.To:u}.");
                }

                state.Sink.Complete();
                return state.Summary(clock.Elapsed, new FileInfo(request.OutputPath).Length);
            }
        }

        private static async Task PlayAsync(ImageServerConnection connection, ExportState state, IProgress<ExportProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
        {
            await connection.GotoAsync(state.ResumeAt, cancellationToken).ConfigureAwait(false);
            int inFlight = 1;
            for (; inFlight < state.Request.PipelineDepth; inFlight++)
            {
                await connection.NextAsync(cancellationToken).ConfigureAwait(false);
            }

            while (inFlight > 0)
            {
                var message = await connection.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (message is LivePackage)
                {
                    continue;
                }

                if (message is MethodResponse { MethodName: "connectupdate" } update)
                {
                    // The answer to a token refresh, not to a playback request.
                    if (!update.Connected)
                    {
                        throw new ImageServerException($"Recording Server refused the refreshed token: {ServerText.Shown(update.ErrorReason) ?? "no reason given"}.");
                    }

                    continue;
                }

                inFlight--;
                if (message is MethodResponse refused)
                {
                    var reason = ServerText.Shown(refused.ErrorReason) ?? "no reason given";
                    if (reason.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        // A request that crossed a refresh: the connection is reopened with the new token and resumed.
                        throw new ImageServerException($"Recording Server refused a playback request: {reason}.");
                    }

                    if (state.Replies > 0)
                    {
                        return; // the recording ends here ("No data" past its end)
                    }

                    throw new XProtectException($"Recording Server refused the playback of camera {state.CameraName}: {reason}.");
                }

                var done = state.Take((ImageReply)message);
                progress?.Report(new ExportProgress(state.Sink.Frames, state.Sink.Bytes, state.Position, state.Request.From, state.Request.To, clock.Elapsed));
                if (done)
                {
                    return;
                }

                await connection.NextAsync(cancellationToken).ConfigureAwait(false);
                inFlight++;
            }
        }

        private sealed class ExportState
        {
            private readonly long _from;
            private readonly long _to;
            private readonly RecorderPictureTimes _times = new RecorderPictureTimes(window: 8);
            private long? _lastCurrent;
            private long? _lastStamp;
            private long _shift;
            private long _interval = 40;
            private bool _ended;
            private int _gaps;
            private long _gapTime;
            private long? _first;
            private long? _last;
            private long _firstDts = long.MinValue;
            private long _lastDts;

            public ExportState(ExportRequest request, string cameraName)
            {
                Request = request;
                CameraName = cameraName;
                Sink = new Mp4ExportSink(request);
                _from = request.From.ToUnixTimeMilliseconds();
                _to = request.To.ToUnixTimeMilliseconds();
                ResumeAt = request.From;
            }

            public ExportRequest Request { get; }

            public string CameraName { get; }

            public Mp4ExportSink Sink { get; }

            public int Resumes { get; set; }

            public int Replies { get; private set; }

            public DateTimeOffset ResumeAt { get; private set; }

            public DateTimeOffset Position => DateTimeOffset.FromUnixTimeMilliseconds(_lastStamp ?? _from);

            /// <summary>Takes one reply; true when the range is done.</summary>
            public bool Take(ImageReply reply)
            {
                long current = reply.Current ?? _lastStamp ?? _from;

                // Replies already taken (the newest GOP repeated, or a resumed connection) are skipped.
                if (_lastCurrent is long seen && current <= seen)
                {
                    return reply.Next == reply.Current || _ended;
                }

                Replies++;
                _lastCurrent = current;
                ResumeAt = DateTimeOffset.FromUnixTimeMilliseconds(reply.Next is long next && next > current ? next : current + 1);
                var frames = reply.Parts.Select(Parse).ToList();

                // A goto into a gap answers with the GOP before it (WIP): a whole GOP before the start is not exported.
                if (_lastStamp == null && frames.Count > 1 && frames.All(f => f.Header.PictureTimestamp < _from))
                {
                    return false;
                }

                foreach (var frame in frames)
                {
                    long stamp = frame.Header.PictureTimestamp;
                    if (frame.Header.IsSyncFrame && _lastStamp is long last && stamp - last > Request.GapThreshold.TotalMilliseconds)
                    {
                        // A gap: what came before is timed on its own, and the time without pictures is counted.
                        Write(_times.Flush());
                        _gaps++;
                        _gapTime += stamp - last;
                        _shift += Request.SkipGaps ? stamp - last - _interval : 0;
                    }

                    _interval = _lastStamp is long previous && stamp > previous && stamp - previous < 1000 ? stamp - previous : _interval;
                    _lastStamp = stamp;
                    if (!_ended)
                    {
                        Write(_times.Push(frame));
                    }
                }

                return _ended || Sink.EndedEarly != null || current >= _to || reply.Next == reply.Current || reply.Next == null;
            }

            public void Finish() => Write(_times.Flush());

            public ExportSummary Summary(TimeSpan elapsed, long bytes) => new ExportSummary
            {
                Path = Request.OutputPath,
                Camera = CameraName,
                Codec = Sink.Codec,
                Frames = Sink.Frames,
                FirstPicture = _first is long f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : (DateTimeOffset?)null,
                LastPicture = _last is long l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : (DateTimeOffset?)null,
                Duration = TimeSpan.FromMilliseconds(_firstDts == long.MinValue ? 0 : _lastDts - _firstDts),
                Gaps = _gaps,
                GapTime = TimeSpan.FromMilliseconds(_gapTime),
                Bytes = bytes,
                Elapsed = elapsed,
                Resumes = Resumes,
                RetimedGops = _times.SpreadGops,
                EndedEarly = Sink.EndedEarly,
            };

            // The range ends at the first picture, in decode order, shown at or after its end: the
            // pictures after it may refer to it, so they go too.
            private void Write(List<TimedPicture<GenericByteDataFrame>> pictures)
            {
                foreach (var picture in pictures)
                {
                    if (_ended || picture.PresentationTime >= _to)
                    {
                        _ended = true;
                        continue;
                    }

                    Sink.Write(picture, _shift);
                    _first ??= picture.PresentationTime;
                    _last = picture.PresentationTime;
                    _firstDts = _firstDts == long.MinValue ? picture.DecodeTime - _shift : _firstDts;
                    _lastDts = picture.DecodeTime - _shift;
                }
            }

            private GenericByteDataFrame Parse(byte[] part)
            {
                if (ImageReply.IsJpeg(part))
                {
                    long time = _lastCurrent ?? _from;
                    var header = new GenericByteDataHeader(GenericByteDataHeader.VideoStreamPacket, (uint)(GenericByteDataHeader.Length + part.Length), GenericByteDataCodec.Jpeg, 0, 1, time, time);
                    return new GenericByteDataFrame(header, part);
                }

                try
                {
                    return GenericByteDataReader.Parse(part, WireLimits.Default);
                }
                catch (MediaFormatException e)
                {
                    throw new ImageServerProtocolException($"A picture of camera {CameraName} is not valid GenericByteData: {e.Message}", e);
                }
            }
        }
    }
}
