using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtsp.Session;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// What a player joining mid-stream needs to start at once: metadata, sequence headers and
    /// every frame since the last keyframe. Bounded: a GOP larger than the budget is dropped and
    /// joiners wait for the next keyframe instead.
    /// The GOP's payloads are copied into slabs of a shared <see cref="GopSlabPool"/>, given back at
    /// the next keyframe, and a joiner gets copies of them: the live frames stay short-lived for the
    /// GC, and nothing outside the cache ever holds a slab, so reusing one can corrupt nothing.
    /// The copies are made once per GOP and shared by every joiner of that GOP, with their framing.
    /// </summary>
    internal sealed class GopCache
    {
        private const int MaxAudioBeforeKeyFrame = 256;
        private readonly List<Entry> _gop = new List<Entry>();
        private readonly List<MediaFrame?> _restored = new List<MediaFrame?>();
        private readonly List<byte[]> _slabs = new List<byte[]>();
        private readonly GopSlabPool _pool;
        private readonly long _maxBytes;
        private long _bytes;
        private bool _hasKeyFrame;
        private MediaFrame? _metadata;
        private MediaFrame? _videoConfig;
        private MediaFrame? _audioConfig;

        public GopCache(long maxBytes, GopSlabPool? pool = null)
        {
            _maxBytes = maxBytes;
            _pool = pool ?? GopSlabPool.Shared;
        }

        public MediaFrame? VideoConfig => _videoConfig;

        public MediaFrame? AudioConfig => _audioConfig;

        /// <summary>Frames since the last keyframe (headers not included).</summary>
        public int Count => _gop.Count;

        /// <summary>Payload bytes of those frames, all of them in slabs.</summary>
        public long Bytes => _bytes;

        /// <summary>Keeps what a joiner needs of <paramref name="frame"/>; the frame itself is not kept.</summary>
        public void Add(MediaFrame frame)
        {
            switch (frame.Kind)
            {
                case FrameKind.Metadata:
                    _metadata = frame;
                    return;
                case FrameKind.VideoConfig:
                    _videoConfig = frame;
                    return;
                case FrameKind.AudioConfig:
                    _audioConfig = frame;
                    return;
                case FrameKind.VideoKeyFrame:
                    if (_hasKeyFrame)
                    {
                        DropGop();
                    }

                    // The first keyframe keeps the audio sent ahead of it, so a player that joins in
                    // the first GOP gets every frame the publisher sent.
                    _hasKeyFrame = true;
                    break;
                case FrameKind.Audio when !_hasKeyFrame:
                    if (_gop.Count >= MaxAudioBeforeKeyFrame)
                    {
                        return;
                    }

                    break;
                default:
                    if (!_hasKeyFrame)
                    {
                        // Video before the first keyframe cannot be decoded.
                        return;
                    }

                    break;
            }

            var payload = frame.Message.Payload.Span;
            if (_bytes + payload.Length > _maxBytes)
            {
                DropGop();
                _hasKeyFrame = false;
                return;
            }

            _gop.Add(new Entry(frame.Message.Type, frame.Message.Timestamp, frame.Message.StreamId, frame.Kind, _bytes, payload.Length, frame.Rtp));
            _restored.Add(null);
            Write(payload);
        }

        /// <summary>
        /// Headers then copies of the GOP's frames. Headers are stamped with the GOP's first timestamp
        /// so a player's clock does not jump back to when they were first sent.
        /// </summary>
        public List<MediaFrame> Snapshot()
        {
            var frames = new List<MediaFrame>(_gop.Count + 3);
            var start = _gop.Count > 0 ? _gop[0].Timestamp : (uint?)null;
            foreach (var header in new[] { _metadata, _videoConfig, _audioConfig })
            {
                if (header != null)
                {
                    frames.Add(start is uint t ? header.At(t) : header);
                }
            }

            for (var i = 0; i < _gop.Count; i++)
            {
                var entry = _gop[i];
                if (_restored[i] is not MediaFrame restored)
                {
                    var payload = new byte[entry.Length];
                    Read(entry.Position, payload);
                    restored = MediaFrame.Restored(new RtmpMessage(entry.Type, entry.Timestamp, entry.StreamId, payload), entry.Kind, entry.Rtp);
                    _restored[i] = restored;
                }

                frames.Add(restored);
            }

            return frames;
        }

        /// <summary>Gives every cached frame its RTP packets, made from its payload (the first RTSP player's turn).</summary>
        public void Packetize(Func<MessageType, ReadOnlyMemory<byte>, uint, RtpFrame?> packetize)
        {
            for (var i = 0; i < _gop.Count; i++)
            {
                var entry = _gop[i];
                var payload = new byte[entry.Length];
                Read(entry.Position, payload);
                var rtp = packetize(entry.Type, payload, entry.Timestamp);
                _gop[i] = entry.With(rtp);
                if (_restored[i] is MediaFrame restored)
                {
                    restored.Rtp = rtp;
                }
            }
        }

        public void Clear()
        {
            DropGop();
            _hasKeyFrame = false;
            _metadata = null;
            _videoConfig = null;
            _audioConfig = null;
        }

        private void DropGop()
        {
            _gop.Clear();
            _restored.Clear();
            _pool.Return(_slabs);
            _slabs.Clear();
            _bytes = 0;
        }

        // The slabs hold the GOP's payloads back to back, a payload running on into the next slab.
        private void Write(ReadOnlySpan<byte> payload)
        {
            while (!payload.IsEmpty)
            {
                var slab = (int)(_bytes / GopSlabPool.SlabSize);
                var offset = (int)(_bytes % GopSlabPool.SlabSize);
                if (slab == _slabs.Count)
                {
                    _slabs.Add(_pool.Rent());
                }

                var count = Math.Min(GopSlabPool.SlabSize - offset, payload.Length);
                payload.Slice(0, count).CopyTo(new Span<byte>(_slabs[slab], offset, count));
                payload = payload.Slice(count);
                _bytes += count;
            }
        }

        private void Read(long position, Span<byte> destination)
        {
            while (!destination.IsEmpty)
            {
                var slab = (int)(position / GopSlabPool.SlabSize);
                var offset = (int)(position % GopSlabPool.SlabSize);
                var count = Math.Min(GopSlabPool.SlabSize - offset, destination.Length);
                new ReadOnlySpan<byte>(_slabs[slab], offset, count).CopyTo(destination);
                destination = destination.Slice(count);
                position += count;
            }
        }

        private readonly struct Entry
        {
            public Entry(MessageType type, uint timestamp, uint streamId, FrameKind kind, long position, int length, RtpFrame? rtp)
            {
                Type = type;
                Timestamp = timestamp;
                StreamId = streamId;
                Kind = kind;
                Position = position;
                Length = length;
                Rtp = rtp;
            }

            public MessageType Type { get; }

            public uint Timestamp { get; }

            public uint StreamId { get; }

            public FrameKind Kind { get; }

            public long Position { get; }

            public int Length { get; }

            public RtpFrame? Rtp { get; }

            public Entry With(RtpFrame? rtp) => new Entry(Type, Timestamp, StreamId, Kind, Position, Length, rtp);
        }
    }
}
