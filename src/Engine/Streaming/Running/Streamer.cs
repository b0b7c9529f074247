using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming.Publishing;
using Serilog;
using Serilog.Core;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// Runs one stream: reads its source, adds or drops audio as the definition says, and fans the
    /// frames out to one publisher per destination. A failing or slow destination never holds the
    /// source or the other destinations up; a source that ends, fails or stalls is reopened with
    /// backoff while the destinations stay connected.
    /// </summary>
    public sealed partial class Streamer
    {
        private readonly StreamDefinition _definition;
        private readonly Func<StreamDefinition, IFrameSource> _sourceFactory;
        private readonly object _stateEvents = new object();
        private readonly StreamerOptions _options;
        private readonly Logger _log;
        private readonly List<DestinationPublisher> _publishers;
        private readonly object _gate = new object();
        private readonly BitrateWindow _bitrate = new BitrateWindow();
        private readonly BitrateWindow _frames = new BitrateWindow();
        private readonly AudioShaper _audio;
        private string _sourceDescription = string.Empty;
        private StreamerState? _sourceState = StreamerState.Disabled;
        private string? _sourceReason;
        private string? _lastError;
        private StreamerState _state = StreamerState.Disabled;
        private DateTimeOffset _since = DateTimeOffset.UtcNow;
        private long _startedAt;
        private int _sourceReopens;
        private int _running;

        /// <summary>Creates a streamer; nothing runs before <see cref="RunAsync"/>.</summary>
        /// <param name="definition">The stream; read once here, so later edits to it do not reach a running streamer.</param>
        /// <param name="sourceFactory">Makes the definition's source (the CLI resolves URLs and files, tests pass scripted ones).</param>
        /// <param name="options">Timing and bounds; defaults when null.</param>
        public Streamer(StreamDefinition definition, Func<StreamDefinition, IFrameSource> sourceFactory, StreamerOptions? options = null)
        {
            _definition = definition ?? throw new ArgumentNullException(nameof(definition));
            _sourceFactory = sourceFactory ?? throw new ArgumentNullException(nameof(sourceFactory));
            _options = options ?? new StreamerOptions();
            Log = new LogRing(_options.LogCapacity);
            var logging = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(Log);
            if (_options.Logger != null)
            {
                logging = logging.WriteTo.Logger(_options.Logger.ForContext("Stream", definition.Name));
            }

            _log = logging.CreateLogger();
            _audio = new AudioShaper(definition.Audio);
            _publishers = definition.Destinations.Select(d => new DestinationPublisher(d, _options, _log, OnDestination)).ToList();
        }

        /// <summary>
        /// Raised for state changes, connections, errors and the stop, on the streamer's own
        /// threads: a handler returns at once. A handler that throws is ignored.
        /// </summary>
        public event Action<StreamerEvent>? EventRaised;

        /// <summary>The stream's name.</summary>
        public string Name => _definition.Name;

        /// <summary>The stream's live log: levelled, timestamped, keys masked.</summary>
        public LogRing Log { get; }

        /// <summary>
        /// Runs the stream until <paramref name="cancellationToken"/> is cancelled, then unpublishes
        /// every destination cleanly (FCUnpublish, deleteStream) and returns. Runs once.
        /// </summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _running, 1) != 0)
            {
                throw new InvalidOperationException("A streamer runs once.");
            }

            _startedAt = Stopwatch.GetTimestamp();
            _log.Information("Starting {Stream}: {Count} destination(s) {Destinations}, audio {Audio}", Name, _publishers.Count, string.Join(", ", _publishers.Select(p => p.Shown)), _definition.Audio);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var publishing = _publishers.Select(p => Task.Run(() => p.RunAsync(stop.Token))).ToList();
            IFrameSource? source = null;
            try
            {
                source = _sourceFactory(_definition);
                _sourceDescription = source.Description;
                await ReadSourceAsync(source, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped.
            }
            finally
            {
                stop.Cancel();
                await Task.WhenAll(publishing).ConfigureAwait(false);
                if (source != null)
                {
                    await source.DisposeAsync().ConfigureAwait(false);
                }

                SetSource(StreamerState.Disabled, null);
                _log.Information("Stopped {Stream}", Name);
                Raise(StreamerEventKind.Stopped, null, "stopped");
                _log.Dispose();
            }
        }

        /// <summary>The stream now, with each destination; see <see cref="StreamerStatus"/> for how the state is derived.</summary>
        public StreamerStatus Status()
        {
            var destinations = _publishers.Select(p => p.Status()).ToList();
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                return new StreamerStatus
                {
                    Name = Name,
                    Source = _sourceDescription,
                    State = _state,
                    Reason = _state == StreamerState.Error || _state == StreamerState.Reconnecting ? _sourceReason ?? destinations.Select(d => d.LastError).FirstOrDefault(e => e != null) : null,
                    LastError = _lastError,
                    Since = _since,
                    Uptime = _startedAt == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((now - _startedAt) / (double)Stopwatch.Frequency),
                    BitrateKbps = _bitrate.BitsPerSecond(now) / 1000,
                    Fps = _frames.BitsPerSecond(now) / 8,
                    FramesSent = destinations.Sum(d => d.FramesSent),
                    FramesDropped = destinations.Sum(d => d.FramesDropped),
                    Reconnects = _sourceReopens + destinations.Sum(d => d.Reconnects),
                    Destinations = destinations,
                };
            }
        }

        private void Fan(MediaFrame frame, long time)
        {
            var timed = new TimedFrame(frame, time);
            foreach (var publisher in _publishers)
            {
                publisher.Offer(timed);
            }
        }

        private void OnDestination(DestinationPublisher publisher, StreamerEventKind kind, string message)
        {
            if (kind == StreamerEventKind.StateChanged)
            {
                UpdateState();
                Raise(StreamerEventKind.DestinationStateChanged, publisher.Shown, message);
                return;
            }

            if (kind == StreamerEventKind.Error)
            {
                lock (_gate)
                {
                    _lastError = publisher.Shown + ": " + message;
                }
            }

            Raise(kind, publisher.Shown, message);
        }

        private void SetSource(StreamerState? state, string? reason)
        {
            lock (_gate)
            {
                _sourceState = state;
                _sourceReason = reason;
                if (reason != null && state == StreamerState.Error)
                {
                    _lastError = reason;
                }
            }

            UpdateState();
        }

        // Publishers and the source change state on their own threads: one at a time from compute to
        // event, so subscribers see the states in the order they happened (no Streaming after a later Reconnecting).
        private void UpdateState()
        {
            lock (_stateEvents)
            {
                UpdateStateInOrder();
            }
        }

        private void UpdateStateInOrder()
        {
            StreamerState state;
            string? reason;
            lock (_gate)
            {
                reason = _sourceReason;
                state = _sourceState ?? FromDestinations(out reason);
                if (state == _state)
                {
                    return;
                }

                _state = state;
                _since = DateTimeOffset.UtcNow;
            }

            if (reason != null)
            {
                _log.Information("{Stream}: {State} ({Reason})", Name, state, reason);
            }
            else
            {
                _log.Information("{Stream}: {State}", Name, state);
            }

            Raise(StreamerEventKind.StateChanged, null, reason == null ? state.ToString() : state + ": " + reason);
        }

        // The rule documented on StreamerStatus.
        private StreamerState FromDestinations(out string? reason)
        {
            reason = null;
            if (_publishers.Count == 0)
            {
                reason = "no destination";
                return StreamerState.Error;
            }

            var states = _publishers.Select(p => p.State).ToList();
            if (states.Any(s => s == StreamerState.Streaming))
            {
                return StreamerState.Streaming;
            }

            if (states.All(s => s == StreamerState.Error))
            {
                reason = "every destination failed";
                return StreamerState.Error;
            }

            return _publishers.Any(p => !p.HasFailed) ? StreamerState.Connecting : StreamerState.Reconnecting;
        }

        private void Raise(StreamerEventKind kind, string? destination, string message)
        {
            var handler = EventRaised;
            if (handler == null)
            {
                return;
            }

            StreamerState state;
            lock (_gate)
            {
                state = _state;
            }

            try
            {
                handler(new StreamerEvent { Kind = kind, Stream = Name, Destination = destination, State = state, Message = message, Time = DateTimeOffset.UtcNow });
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop the stream.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _log.Warning("An event handler failed: {Error}", e.Message);
            }
        }
    }
}
