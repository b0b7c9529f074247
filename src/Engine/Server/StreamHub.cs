using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Every live stream of a server, keyed by application and stream name. A stream exists
    /// while someone publishes or plays it, and is dropped when the last one leaves.
    /// </summary>
    public sealed class StreamHub
    {
        private readonly ConcurrentDictionary<string, LiveStream> _streams = new ConcurrentDictionary<string, LiveStream>(System.StringComparer.Ordinal);
        private long _maxGopBytes;

        /// <summary>The GOP cache bound of streams created from now on (a reload changes it; running streams keep theirs).</summary>
        internal long MaxGopBytes
        {
            get => Interlocked.Read(ref _maxGopBytes);
            set => Interlocked.Exchange(ref _maxGopBytes, value);
        }

        /// <summary>Creates a hub whose GOP caches hold at most <paramref name="maxGopBytes"/> each.</summary>
        public StreamHub(long maxGopBytes = 32 * 1024 * 1024)
        {
            _maxGopBytes = maxGopBytes;
        }

        /// <summary>Raised after a sink (a player, a recorder) subscribed, on the subscriber's thread.</summary>
        public event Action<LiveStream>? Subscribed;

        /// <summary>Raised when a publish starts, on the publisher's thread, after players were told.</summary>
        public event Action<LiveStream>? PublishStarted;

        /// <summary>Raised when a publish ends, on the publisher's thread, after players were told.</summary>
        public event Action<LiveStream>? PublishStopped;

        /// <summary>The streams being published or played now.</summary>
        public ICollection<LiveStream> Streams => _streams.Values;

        /// <summary>The key for an application and stream name.</summary>
        public static string KeyOf(string app, string name) => app + "/" + name;

        /// <summary>Looks up a stream by key.</summary>
        public LiveStream? Find(string key) => _streams.TryGetValue(key, out var stream) ? stream : null;

        /// <summary>
        /// Makes <paramref name="publisher"/> the stream's publisher, or returns null when the
        /// stream already has one (the first publisher keeps streaming).
        /// </summary>
        public LiveStream? TryPublish(string key, object publisher)
        {
            while (true)
            {
                var stream = _streams.GetOrAdd(key, k => new LiveStream(k, MaxGopBytes));
                lock (stream.Gate)
                {
                    if (stream.IsRetired)
                    {
                        continue;
                    }

                    if (!stream.TryStartPublish(publisher))
                    {
                        return null;
                    }
                }

                PublishStarted?.Invoke(stream);
                return stream;
            }
        }

        /// <summary>
        /// Makes <paramref name="publisher"/> the stream's publisher even when it has one, provided
        /// <paramref name="mayReplace"/> accepts the current one: players are told a new publish
        /// started and stay subscribed. Returns null when refused;
        /// <paramref name="replaced"/> is the publisher that was pushed out, for the caller to close.
        /// </summary>
        public LiveStream? TryTakeOver(string key, object publisher, Func<object, bool> mayReplace, out object? replaced)
        {
            while (true)
            {
                replaced = null;
                var stream = _streams.GetOrAdd(key, k => new LiveStream(k, MaxGopBytes));
                lock (stream.Gate)
                {
                    if (stream.IsRetired)
                    {
                        continue;
                    }

                    var current = stream.Publisher;
                    if (current != null)
                    {
                        if (!mayReplace(current))
                        {
                            return null;
                        }

                        stream.HandOver(publisher);
                        replaced = current;
                    }
                    else
                    {
                        stream.TryStartPublish(publisher);
                    }
                }

                if (replaced != null)
                {
                    PublishStopped?.Invoke(stream);
                }

                PublishStarted?.Invoke(stream);
                return stream;
            }
        }

        /// <summary>Ends a publish; players stay and wait for the next publisher.</summary>
        public void Unpublish(LiveStream stream, object publisher)
        {
            bool stopped;
            lock (stream.Gate)
            {
                stopped = stream.StopPublish(publisher);
                RetireIfIdle(stream);
            }

            if (stopped)
            {
                PublishStopped?.Invoke(stream);
            }
        }

        /// <summary>
        /// Subscribes a sink. If the stream is published it gets the cached headers and GOP at
        /// once; otherwise it waits for a publisher.
        /// </summary>
        public LiveStream Subscribe(string key, IMediaSink sink) => Subscribe(key, sink, null);

        /// <summary>
        /// Like <see cref="Subscribe(string, IMediaSink)"/>; <paramref name="joining"/> runs once, under
        /// the stream's lock, right before the sink joins: no publish starts, delivers or ends in
        /// between, so what it queues (a player's Play.Start) goes out before anything of the stream.
        /// </summary>
        internal LiveStream Subscribe(string key, IMediaSink sink, Action? joining)
        {
            while (true)
            {
                var stream = _streams.GetOrAdd(key, k => new LiveStream(k, MaxGopBytes));
                lock (stream.Gate)
                {
                    if (stream.IsRetired)
                    {
                        continue;
                    }

                    joining?.Invoke();
                    stream.Subscribe(sink);
                }

                Subscribed?.Invoke(stream);
                return stream;
            }
        }

        /// <summary>Removes a sink.</summary>
        public void Unsubscribe(LiveStream stream, IMediaSink sink)
        {
            lock (stream.Gate)
            {
                stream.Unsubscribe(sink);
                RetireIfIdle(stream);
            }
        }

        private void RetireIfIdle(LiveStream stream)
        {
            if (stream.IsIdle && !stream.IsRetired)
            {
                stream.Retire();

                // Only this instance: a new stream of the same name may already have replaced it.
                ((ICollection<KeyValuePair<string, LiveStream>>)_streams).Remove(new KeyValuePair<string, LiveStream>(stream.Key, stream));
            }
        }
    }
}
