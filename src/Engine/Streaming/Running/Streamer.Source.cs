using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming.Publishing;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>The source side of a <see cref="Streamer"/>: opening, reading, stall detection, reopening.</summary>
    public sealed partial class Streamer
    {
        private readonly List<TimedFrame> _shaped = new List<TimedFrame>();
        private long _time = -1;
        private uint _lastRaw;
        private bool _openingStarted;

        private async Task ReadSourceAsync(IFrameSource source, CancellationToken cancellationToken)
        {
            var backoff = new ReconnectBackoff(_options.BackoffInitial, _options.BackoffMax, _options.Random);
            var first = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                SetSource(first ? StreamerState.Starting : _sourceState, _sourceReason);
                first = false;
                _log.Information("Opening source {Source}", source.Description);
                var openedAt = Stopwatch.GetTimestamp();
                StreamerState state;
                string reason;
                try
                {
                    await ReadOpeningAsync(source, cancellationToken).ConfigureAwait(false);
                    state = StreamerState.Reconnecting;
                    reason = "source ended";
                }
                catch (FrameSourceException e)
                {
                    state = StreamerState.Error;
                    reason = "source failed: " + e.Message;
                }

                if (Stopwatch.GetTimestamp() - openedAt >= _options.BackoffResetAfter.TotalSeconds * Stopwatch.Frequency)
                {
                    backoff.Reset();
                }

                Interlocked.Increment(ref _sourceReopens);
                _log.Warning("{Reason}; reopening", reason);
                SetSource(state, reason);
                Raise(StreamerEventKind.Error, null, reason);
                await Task.Delay(backoff.Next(), cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task ReadOpeningAsync(IFrameSource source, CancellationToken cancellationToken)
        {
            _openingStarted = false;
            _audio.Reset();
            foreach (var publisher in _publishers)
            {
                publisher.Resync();
            }

            var frames = source.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            Task<bool>? next = null;
            try
            {
                var stalled = false;
                while (true)
                {
                    // A frame already at hand (a source with frames buffered) needs no stall timer:
                    // it is armed only for a read that waits, not for every frame.
                    var move = frames.MoveNextAsync();
                    bool more;
                    if (move.IsCompleted)
                    {
                        next = null;
                        more = move.GetAwaiter().GetResult();
                    }
                    else
                    {
                        next = move.AsTask();
                        using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                        {
                            while (await Task.WhenAny(next, Task.Delay(_options.SourceStallTimeout, timer.Token)).ConfigureAwait(false) != next)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                if (!stalled)
                                {
                                    stalled = true;
                                    _log.Error("Source stalled: no frame for {Seconds} s", _options.SourceStallTimeout.TotalSeconds);
                                    SetSource(StreamerState.Error, "source stalled");
                                    Raise(StreamerEventKind.Error, null, "source stalled");
                                }
                            }

                            timer.Cancel();
                        }

                        more = await next.ConfigureAwait(false);
                    }

                    if (!more)
                    {
                        return;
                    }

                    if (stalled || _sourceState != null)
                    {
                        if (stalled)
                        {
                            _log.Information("Source frames flow again");
                        }

                        stalled = false;
                        SetSource(null, null);
                    }

                    Take(frames.Current);
                }
            }
            finally
            {
                if (next != null && !next.IsCompleted)
                {
                    // An async iterator may not be disposed while a MoveNext runs; the token ends it.
                    try
                    {
                        await next.ConfigureAwait(false);
                    }
#pragma warning disable CA1031 // Already stopping: how the last read ended changes nothing.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }
                }

                await frames.DisposeAsync().ConfigureAwait(false);
            }
        }

        private void Take(MediaFrame frame)
        {
            // One continuous 64-bit timeline across wraps and reopenings: a reopened source goes on
            // 1 ms after the last frame, so destinations that stayed connected see time move forward.
            var raw = frame.Message.Timestamp;
            if (!_openingStarted)
            {
                _openingStarted = true;
                _time = _time < 0 ? 0 : _time + 1;
            }
            else
            {
                _time += RtmpTime.Delta(raw, _lastRaw);
            }

            _lastRaw = raw;
            if (frame.Kind == FrameKind.VideoConfig || frame.Kind == FrameKind.VideoKeyFrame)
            {
                CheckCodec(frame);
            }

            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                _bitrate.Add(frame.Message.Payload.Length, now);
                if (frame.Kind == FrameKind.Video || frame.Kind == FrameKind.VideoKeyFrame)
                {
                    _frames.Add(1, now);
                }
            }

            _shaped.Clear();
            _audio.Shape(frame, _time, _shaped);
            foreach (var shaped in _shaped)
            {
                Fan(shaped.Frame, shaped.Time);
            }
        }

        private void CheckCodec(MediaFrame frame)
        {
            if (_definition.Video != VideoCodecPolicy.RequireH264 || !VideoTagHeader.TryParse(frame.Message.Payload.Span, out var header))
            {
                return;
            }

            if (header.Codec != VideoCodec.Avc)
            {
                throw new FrameSourceException($"video is {header.Codec}, and the stream requires H.264");
            }
        }
    }
}
