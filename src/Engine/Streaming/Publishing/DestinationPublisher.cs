using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;

namespace RtmpXProtect.Engine.Streaming.Publishing
{
    /// <summary>
    /// Publishes a stream to one destination over its own connection: starts every connection at a
    /// keyframe behind the latest sequence headers and metadata, rebases timestamps to 0, and
    /// reconnects with backoff. <see cref="Offer"/> never blocks: frames that arrive while the
    /// destination connects or is behind are dropped (counted) up to the next keyframe.
    /// </summary>
    internal sealed class DestinationPublisher
    {
        private static readonly byte[] SetDataFrame = Amf0Writer.Serialize(CommandNames.SetDataFrame);

        private readonly DestinationDefinition _definition;
        private readonly StreamerOptions _options;
        private readonly ILogger _log;
        private readonly Action<DestinationPublisher, StreamerEventKind, string> _report;
        private readonly Channel<Item> _queue;
        private readonly object _gate = new object();
        private readonly BitrateWindow _bitrate = new BitrateWindow();
        private readonly BitrateWindow _frames = new BitrateWindow();
        private readonly RtmpUrl? _url;
        private TimedFrame? _videoConfig;
        private TimedFrame? _audioConfig;
        private TimedFrame? _metadata;
        private bool _accepting;
        private bool _awaitingKeyFrame = true;
        private StreamerState _state = StreamerState.Connecting;
        private DateTimeOffset _since = DateTimeOffset.UtcNow;
        private long _streamingSince;
        private long _origin; // the source time sent as 0 on this connection; the pump's alone
        private string? _lastError;
        private long _sent;
        private long _dropped;
        private int _reconnects;

        public DestinationPublisher(DestinationDefinition definition, StreamerOptions options, ILogger log, Action<DestinationPublisher, StreamerEventKind, string> report)
        {
            _definition = definition;
            _options = options;
            _log = log;
            _report = report;
            _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(Math.Max(1, options.DestinationQueueLength)) { SingleReader = true, SingleWriter = false });
            RtmpUrl.TryParse(definition.Url, out _url, out _);
        }

        /// <summary>The masked URL.</summary>
        public string Shown => _definition.Shown;

        public StreamerState State
        {
            get
            {
                lock (_gate)
                {
                    return _state;
                }
            }
        }

        /// <summary>True once any attempt failed: the stream's state reads Reconnecting, not Connecting, from then on.</summary>
        public bool HasFailed
        {
            get
            {
                lock (_gate)
                {
                    return _lastError != null;
                }
            }
        }

        /// <summary>Hands a frame over without waiting; config frames are also kept for the next connection.</summary>
        public void Offer(TimedFrame frame)
        {
            var kind = frame.Frame.Kind;
            lock (_gate)
            {
                switch (kind)
                {
                    case FrameKind.VideoConfig:
                        _videoConfig = frame;
                        break;
                    case FrameKind.AudioConfig:
                        _audioConfig = frame;
                        break;
                    case FrameKind.Metadata:
                        _metadata = frame;
                        break;
                }

                var config = frame.Frame.IsConfig;
                if (!_accepting || (_awaitingKeyFrame && kind != FrameKind.VideoKeyFrame))
                {
                    // A config frame is not lost: the next keyframe carries the latest ones.
                    _dropped += config ? 0 : 1;
                    return;
                }

                var item = _awaitingKeyFrame ? new Item(frame, new[] { _metadata, _videoConfig, _audioConfig }) : new Item(frame, null);
                if (_queue.Writer.TryWrite(item))
                {
                    _awaitingKeyFrame = false;
                }
                else
                {
                    _dropped += config ? 0 : 1;
                    _awaitingKeyFrame = true;
                }
            }
        }

        /// <summary>The source was reopened: the next frame sent is a keyframe behind fresh configs.</summary>
        public void Resync()
        {
            lock (_gate)
            {
                _awaitingKeyFrame = true;
            }
        }

        public DestinationStatus Status()
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                return new DestinationStatus
                {
                    Destination = Shown,
                    State = _state,
                    LastError = _lastError,
                    Since = _since,
                    Uptime = _state == StreamerState.Streaming ? TimeSpan.FromSeconds((now - _streamingSince) / (double)Stopwatch.Frequency) : TimeSpan.Zero,
                    BitrateKbps = _bitrate.BitsPerSecond(now) / 1000,

                    // The window counts one "byte" per video frame: its bits per second over 8 is frames per second.
                    Fps = _frames.BitsPerSecond(now) / 8,
                    FramesSent = _sent,
                    FramesDropped = _dropped,
                    Reconnects = _reconnects,
                };
            }
        }

        /// <summary>Connects, streams and reconnects until <paramref name="cancellationToken"/>; then unpublishes cleanly.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var backoff = new ReconnectBackoff(_options.BackoffInitial, _options.BackoffMax, _options.Random);
            while (!cancellationToken.IsCancellationRequested)
            {
                RtmpClient? client = null;
                var connectedAt = 0L;
                try
                {
                    if (_url == null)
                    {
                        throw new FormatException("the destination URL is not a valid rtmp:// or rtmps:// URL");
                    }

                    client = await ConnectAsync(_url, cancellationToken).ConfigureAwait(false);
                    connectedAt = Stopwatch.GetTimestamp();
                    StartAccepting();
                    _log.Information("Publishing to {Destination}", Shown);
                    _report(this, StreamerEventKind.Connected, "publishing to " + Shown);
                    await PumpAsync(client, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    StopAccepting();
                    var message = Describe(e);
                    if (connectedAt != 0 && Stopwatch.GetTimestamp() - connectedAt >= _options.BackoffResetAfter.TotalSeconds * Stopwatch.Frequency)
                    {
                        backoff.Reset();
                    }

                    var state = IsOperatorError(e) ? StreamerState.Error : StreamerState.Reconnecting;
                    lock (_gate)
                    {
                        _reconnects++;
                        _lastError = message;
                    }

                    SetState(state);
                    _log.Warning("{Destination}: {Error}", Shown, message);
                    _report(this, StreamerEventKind.Error, message);
                    if (client != null)
                    {
                        await client.DisposeAsync().ConfigureAwait(false);
                        client = null;
                    }

                    try
                    {
                        await Task.Delay(backoff.Next(), cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    continue;
                }
                finally
                {
                    if (client != null)
                    {
                        // A clean stop: what the source already handed over goes first (a file's last
                        // frames), then FCUnpublish and deleteStream, so the destination ends the broadcast at once.
                        await SendQueuedAsync(client).ConfigureAwait(false);
                        StopAccepting();
                        var close = client.CloseAsync();
                        if (await Task.WhenAny(close, Task.Delay(_options.WriteTimeout)).ConfigureAwait(false) != close)
                        {
                            // A stalled destination does not hold the stop up.
                            await client.DisposeAsync().ConfigureAwait(false);
                        }

                        _log.Information("Unpublished from {Destination}", Shown);
                    }
                }
            }
        }

        private async Task<RtmpClient> ConnectAsync(RtmpUrl url, CancellationToken cancellationToken)
        {
            var options = new RtmpClientOptions { AllowUntrustedCertificate = _definition.AllowUntrustedCertificate, ConnectTimeout = _options.ConnectTimeout };
            var client = await RtmpClient.ConnectAsync(url, options, cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.ConnectTimeout);
                try
                {
                    await client.PublishAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"no answer to publish within {_options.ConnectTimeout.TotalSeconds:0} s");
                }

                return client;
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        private async Task PumpAsync(RtmpClient client, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (!_queue.Reader.TryRead(out var item))
                {
                    var wait = _queue.Reader.WaitToReadAsync(cancellationToken).AsTask();
                    if (await Task.WhenAny(wait, client.Ended).ConfigureAwait(false) == client.Ended)
                    {
                        await client.Ended.ConfigureAwait(false);
                        throw new IOException("the destination closed the connection");
                    }

                    await wait.ConfigureAwait(false);
                    continue;
                }

                // Not cancelled by the stop: a send cut off half way leaves the connection unusable,
                // and the stop sends what is queued after it. A stalled send ends at the write timeout.
                await SendAsync(client, item, CancellationToken.None).ConfigureAwait(false);
            }
        }

        // Within the write timeout, and only what is queued when the stop came: a destination that
        // does not take it in time does not hold the stop up.
        private async Task SendQueuedAsync(RtmpClient client)
        {
            lock (_gate)
            {
                _accepting = false;
            }

            using var deadline = new CancellationTokenSource(_options.WriteTimeout);
            try
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    await SendAsync(client, item, deadline.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                // What is left is counted as dropped.
            }
        }

        private async Task SendAsync(RtmpClient client, Item item, CancellationToken cancellationToken)
        {
            if (item.Configs != null)
            {
                // A connection (or a resync) starts here: this keyframe is time 0 and its configs go first.
                _origin = item.Frame.Time;
                foreach (var config in item.Configs)
                {
                    if (config is TimedFrame present)
                    {
                        await SendAsync(client, present.Frame, 0, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            var time = Math.Max(0, item.Frame.Time - _origin);
            await SendAsync(client, item.Frame.Frame, unchecked((uint)time), cancellationToken).ConfigureAwait(false);
        }

        private async Task SendAsync(RtmpClient client, MediaFrame frame, uint timestamp, CancellationToken cancellationToken)
        {
            var send = client.SendAsync(Outgoing(frame, timestamp), cancellationToken);

            // Most sends finish at once (the socket takes the bytes): the stall timer is armed only
            // for one that waits, not for every frame.
            if (!send.IsCompleted)
            {
                using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timeout = Task.Delay(_options.WriteTimeout, stall.Token);
                if (await Task.WhenAny(send, timeout).ConfigureAwait(false) != send)
                {
                    cancellationToken.ThrowIfCancellationRequested();

                    // The caller disposes the client, which ends the blocked write.
                    throw new IOException($"destination stalled: no bytes taken for {_options.WriteTimeout.TotalSeconds:0} s");
                }

                stall.Cancel();
            }

            await send.ConfigureAwait(false);
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                _sent++;
                _bitrate.Add(frame.Message.Payload.Length, now);
                if (frame.Kind == FrameKind.Video || frame.Kind == FrameKind.VideoKeyFrame)
                {
                    _frames.Add(1, now);
                }
            }
        }

        // Metadata goes out as @setDataFrame, as encoders send it, so the destination keeps it for its players.
        private static RtmpMessage Outgoing(MediaFrame frame, uint timestamp)
        {
            if (frame.Kind != FrameKind.Metadata)
            {
                return frame.Message.With(timestamp, 0);
            }

            var body = new byte[SetDataFrame.Length + frame.Message.Payload.Length];
            SetDataFrame.CopyTo(body, 0);
            frame.Message.Payload.Span.CopyTo(body.AsSpan(SetDataFrame.Length));
            return new RtmpMessage(MessageType.DataAmf0, timestamp, 0, body);
        }

        private void StartAccepting()
        {
            lock (_gate)
            {
                while (_queue.Reader.TryRead(out _))
                {
                }

                _accepting = true;
                _awaitingKeyFrame = true;
                _streamingSince = Stopwatch.GetTimestamp();
            }

            SetState(StreamerState.Streaming);
        }

        private void StopAccepting()
        {
            lock (_gate)
            {
                _accepting = false;
                while (_queue.Reader.TryRead(out _))
                {
                    _dropped++;
                }
            }
        }

        private void SetState(StreamerState state)
        {
            bool changed;
            lock (_gate)
            {
                changed = _state != state;
                if (changed)
                {
                    _state = state;
                    _since = DateTimeOffset.UtcNow;
                }
            }

            if (changed)
            {
                _report(this, StreamerEventKind.StateChanged, state.ToString());
            }
        }

        // A refusal, a bad URL or an untrusted certificate needs a person; a lost connection heals by itself.
        private static bool IsOperatorError(Exception e) => e is RtmpStatusException || e is AuthenticationException || e is FormatException;

        private string Describe(Exception e)
        {
            var text = e switch
            {
                RtmpStatusException status => $"refused: {status.Status.Code} {status.Status.Description}",
                AuthenticationException auth => auth.Message.StartsWith("certificate not trusted", StringComparison.Ordinal) ? auth.Message : "TLS failed: " + auth.Message,
                TimeoutException timeout => "timed out: " + timeout.Message,
                FormatException format => format.Message,
                _ => e.Message,
            };
            return Redact(text);
        }

        // Servers may quote the stream name (the key) back in a status; it never leaves this class.
        private string Redact(string text)
        {
            if (!string.IsNullOrEmpty(_definition.Url))
            {
                text = text.Replace(_definition.Url, Shown);
            }

            if (_url != null && _url.Stream.Length > 0)
            {
                text = text.Replace(_url.Stream, "****");
            }

            return text;
        }

        // A struct: one is queued per frame and destination, and the channel holds it by value.
        private readonly struct Item
        {
            public Item(TimedFrame frame, TimedFrame?[]? configs)
            {
                Frame = frame;
                Configs = configs;
            }

            public TimedFrame Frame { get; }

            public TimedFrame?[]? Configs { get; }
        }
    }
}
