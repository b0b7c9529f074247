using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One stream name on the server: at most one publisher, any number of sinks (players and
    /// recorders) and the cache that lets a joiner start at once.
    /// </summary>
    public sealed class LiveStream
    {
        private readonly object _gate = new object();
        private readonly GopCache _cache;
        private IMediaSink[] _sinks = Array.Empty<IMediaSink>();
        private object? _publisher;
        private readonly BitrateWindow _bitrate = new BitrateWindow();
        private long _bytesSent;
        private RtmpXProtect.Engine.Rtsp.Session.PublishPacketizer? _rtp;
        private TaskCompletionSource<bool> _described = NewSignal();

        // The GOP cache's slabs come from the process's shared pool unless a test needs its own.
        internal LiveStream(string key, long maxGopBytes, GopSlabPool? pool = null)
        {
            Key = key;
            _cache = new GopCache(maxGopBytes, pool);
        }

        /// <summary>"app/name".</summary>
        public string Key { get; }

        /// <summary>Whether a publisher is present.</summary>
        public bool IsPublished
        {
            get
            {
                lock (_gate)
                {
                    return _publisher != null;
                }
            }
        }

        /// <summary>How many sinks (players and recorders) are subscribed.</summary>
        public int SinkCount => _sinks.Length;

        /// <summary>Frames delivered since the current publish started.</summary>
        public long FramesReceived { get; private set; }

        /// <summary>Payload bytes delivered since the current publish started.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>The video of the current publish ("H.264 High@3.1 1280x720"), once known.</summary>
        public string? VideoDescription { get; private set; }

        /// <summary>The audio of the current publish ("AAC-LC 44100 Hz stereo"), once known.</summary>
        public string? AudioDescription { get; private set; }

        internal bool IsRetired { get; private set; }

        internal object Gate => _gate;

        /// <summary>Whether nothing holds the stream any more (caller holds <see cref="Gate"/>).</summary>
        internal bool IsIdle => _publisher == null && _sinks.Length == 0;

        /// <summary>Frames a publisher sends go to every sink, after the cache took what joiners need.</summary>
        /// <returns>
        /// Whether anything kept <paramref name="frame"/> itself: a sink that is not a player (a
        /// recorder, a relay, an RTSP or XProtect feed), or the cache (headers and metadata). The
        /// cache copies the GOP's frames and players take its chunks, so when this is false the
        /// caller may reuse the frame's payload at once.
        /// </returns>
        public bool Deliver(MediaFrame frame, WireLimits limits)
        {
            IMediaSink[] sinks;
            lock (_gate)
            {
                // Packetized first, so the cache keeps the frame's packets for RTSP joiners too.
                if (_rtp != null)
                {
                    frame.Rtp = Packetize(_rtp, frame.Message.Type, frame.Message.Payload, frame.Message.Timestamp);
                }

                _cache.Add(frame);

                // Known once both headers came, or the video header and a picture: an audio header
                // would have come before it. (An audio-only stream is described when a reader's wait runs out.)
                if (_cache.VideoConfig != null && (_cache.AudioConfig != null || frame.Kind == FrameKind.VideoKeyFrame || frame.Kind == FrameKind.Video))
                {
                    _described.TrySetResult(true);
                }

                FramesReceived++;
                BytesReceived += frame.Message.Payload.Length;
                _bitrate.Add(frame.Message.Payload.Length, System.Diagnostics.Stopwatch.GetTimestamp());
                sinks = _sinks;
            }

            if (frame.Kind == FrameKind.VideoConfig)
            {
                Video = StreamDescription.DescribeVideo(frame.Message.Payload.Span, limits);
                VideoDescription = Video?.ToString();
            }
            else if (frame.Kind == FrameKind.AudioConfig)
            {
                Audio = StreamDescription.DescribeAudio(frame.Message.Payload.Span);
                AudioDescription = Audio?.ToString();
            }

            // Headers stay in the cache, and joiners get them long after: only other frames are
            // framed into a pooled buffer for the players.
            var pooled = !frame.IsConfig;
            if (pooled)
            {
                frame.BeginDelivery();
            }

            var kept = frame.IsConfig;
            try
            {
                foreach (var sink in sinks)
                {
                    sink.OnFrame(frame);
                    kept |= !(sink is IFrameCopyingSink);
                }
            }
            finally
            {
                if (pooled)
                {
                    frame.EndDelivery();
                }
            }

            return kept;
        }

        internal bool TryStartPublish(object publisher)
        {
            if (_publisher != null)
            {
                return false;
            }

            _publisher = publisher;
            _cache.Clear();
            _rtp = null;
            if (_described.Task.IsCompleted)
            {
                _described = NewSignal();
            }

            FramesReceived = 0;
            BytesReceived = 0;
            VideoDescription = null;
            AudioDescription = null;
            Video = null;
            Audio = null;
            PublishedAt = DateTime.UtcNow;
            _bitrate.Restart(System.Diagnostics.Stopwatch.GetTimestamp());
            var empty = Array.Empty<MediaFrame>();
            foreach (var sink in _sinks)
            {
                sink.OnStart(empty, newPublisher: true);
            }

            return true;
        }

        /// <summary>The current publisher, read under <see cref="Gate"/>.</summary>
        internal object? Publisher => _publisher;

        /// <summary>
        /// Gives the stream to a new publisher without ending it for players: they are told a new
        /// publish started and go on with its frames (a player told of an unpublish may well leave).
        /// Other sinks (the old session's recording) end with the old publisher.
        /// </summary>
        internal void HandOver(object publisher)
        {
            var sinks = _sinks;
            _publisher = null;
            foreach (var sink in sinks)
            {
                if (!(sink is PlayerSink))
                {
                    sink.OnStop();
                }
            }

            // TryStartPublish resets the cache and counters and tells the remaining sinks.
            TryStartPublish(publisher);
        }

        internal bool StopPublish(object publisher)
        {
            if (!ReferenceEquals(_publisher, publisher))
            {
                return false;
            }

            _publisher = null;
            _cache.Clear();
            _rtp = null;

            // Whoever waits to describe the stream finds it unpublished.
            _described.TrySetResult(false);
            _described = NewSignal();
            foreach (var sink in _sinks)
            {
                sink.OnStop();
            }

            return true;
        }

        internal void Subscribe(IMediaSink sink)
        {
            var sinks = new IMediaSink[_sinks.Length + 1];
            _sinks.CopyTo(sinks, 0);
            sinks[sinks.Length - 1] = sink;
            _sinks = sinks;

            // Set before the cached GOP goes out, so its bytes are counted as sent on this stream.
            if (sink is PlayerSink player)
            {
                player.Stream = this;
            }
            else if (sink is Rtsp.RtspPlayer rtsp)
            {
                rtsp.Stream = this;
            }

            if (_publisher != null)
            {
                sink.OnStart(_cache.Snapshot(), newPublisher: false);
            }

            // After the sink is in the array, so the publisher's own check cannot miss it.
            if (!(sink is Recording.Recorder))
            {
                (_publisher as RtmpConnection)?.OnWatched();
            }
        }

        /// <summary>
        /// Whether a sink other than a recorder takes the frames, so they are wanted the moment they
        /// arrive (caller need not hold <see cref="Gate"/>: the array is replaced, not changed).
        /// </summary>
        internal bool IsWatched
        {
            get
            {
                foreach (var sink in _sinks)
                {
                    if (!(sink is Recording.Recorder))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        internal void Unsubscribe(IMediaSink sink)
        {
            var index = Array.IndexOf(_sinks, sink);
            if (index < 0)
            {
                return;
            }

            var sinks = new IMediaSink[_sinks.Length - 1];
            Array.Copy(_sinks, 0, sinks, 0, index);
            Array.Copy(_sinks, index + 1, sinks, index, _sinks.Length - index - 1);
            _sinks = sinks;
        }

        internal void Retire() => IsRetired = true;

        /// <summary>
        /// Completes when the publish's codecs are known (both sequence headers, or the video one
        /// and a picture), true, or when the publish ended first, false.
        /// </summary>
        internal Task<bool> Described
        {
            get
            {
                lock (_gate)
                {
                    return _publisher == null ? Task.FromResult(false) : _described.Task;
                }
            }
        }

        /// <summary>
        /// The RTP face of the current publish (caller holds <see cref="Gate"/>), made at the first
        /// RTSP player: the cached GOP is packetized at once, in order, and every frame after it as
        /// it is delivered. Null when unpublished or its codecs are none RTSP carries.
        /// </summary>
        internal RtmpXProtect.Engine.Rtsp.Session.PublishPacketizer? RtpPacketizer(WireLimits limits, DateTime wallClock, Random random)
        {
            if (_rtp != null || _publisher == null)
            {
                return _rtp;
            }

            _rtp = RtmpXProtect.Engine.Rtsp.Session.PublishPacketizer.Create(
                _cache.VideoConfig?.Message.Payload.ToArray(), _cache.AudioConfig?.Message.Payload.ToArray(), limits, wallClock, random);
            if (_rtp != null)
            {
                var rtp = _rtp;
                _cache.Packetize((type, payload, timestamp) => Packetize(rtp, type, payload, timestamp));
            }

            return _rtp;
        }

        private static RtmpXProtect.Engine.Rtsp.Session.RtpFrame? Packetize(RtmpXProtect.Engine.Rtsp.Session.PublishPacketizer rtp, Rtmp.Messages.MessageType type, ReadOnlyMemory<byte> payload, uint timestamp)
        {
            if (type != Rtmp.Messages.MessageType.Video && type != Rtmp.Messages.MessageType.Audio)
            {
                return null;
            }

            return rtp.Packetize(type == Rtmp.Messages.MessageType.Video, payload.Span, timestamp);
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The video of the current publish, once its sequence header arrived.</summary>
        internal VideoDescription? Video { get; private set; }

        /// <summary>The audio of the current publish, once its sequence header arrived.</summary>
        internal AudioDescription? Audio { get; private set; }

        /// <summary>When the current (or last) publish started.</summary>
        internal DateTime PublishedAt { get; private set; } = DateTime.UtcNow;

        /// <summary>Bytes queued to every player of this stream since it was made; never reset, so it is a counter.</summary>
        internal long BytesSent => Interlocked.Read(ref _bytesSent);

        /// <summary>Players, not recorders (caller need not hold <see cref="Gate"/>: the array is replaced, not changed).</summary>
        internal int PlayerCount
        {
            get
            {
                var count = 0;
                foreach (var sink in _sinks)
                {
                    if (sink is PlayerSink || sink is Rtsp.RtspPlayer)
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        /// <summary>Received payload bits per second over the last few seconds.</summary>
        internal long BitsPerSecond()
        {
            lock (_gate)
            {
                return _bitrate.BitsPerSecond(System.Diagnostics.Stopwatch.GetTimestamp());
            }
        }

        // Called by players on the publisher's thread; several publishers never share a stream, but
        // the status reader does, so the add is atomic rather than locked.
        internal void AddBytesSent(long bytes) => Interlocked.Add(ref _bytesSent, bytes);
    }
}
