using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// What a player joining mid-stream needs to start at once: metadata, sequence headers and
    /// every frame since the last keyframe. Bounded: a GOP larger than the budget is dropped and
    /// joiners wait for the next keyframe instead.
    /// </summary>
    internal sealed class GopCache
    {
        private readonly List<MediaFrame> _gop = new List<MediaFrame>();
        private readonly long _maxBytes;
        private const int MaxAudioBeforeKeyFrame = 256;
        private long _bytes;
        private bool _hasKeyFrame;
        private MediaFrame? _metadata;
        private MediaFrame? _videoConfig;
        private MediaFrame? _audioConfig;

        public GopCache(long maxBytes)
        {
            _maxBytes = maxBytes;
        }

        public MediaFrame? VideoConfig => _videoConfig;

        public MediaFrame? AudioConfig => _audioConfig;

        /// <summary>The frames since the last keyframe, in publish order (headers not included).</summary>
        public IReadOnlyList<MediaFrame> Frames => _gop;

        /// <summary>Whether a coded frame arrived: an encoder sends its sequence headers before it, so no header is still coming.</summary>
        public bool HasCodedFrame => _gop.Count > 0;

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
                        _gop.Clear();
                        _bytes = 0;
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

            _bytes += frame.Message.Payload.Length;
            if (_bytes > _maxBytes)
            {
                _gop.Clear();
                _bytes = 0;
                _hasKeyFrame = false;
                return;
            }

            _gop.Add(frame);
        }

        /// <summary>
        /// Headers then the GOP. Headers are stamped with the GOP's first timestamp so a player's
        /// clock does not jump back to when they were first sent.
        /// </summary>
        public List<MediaFrame> Snapshot()
        {
            var frames = new List<MediaFrame>(_gop.Count + 3);
            var start = _gop.Count > 0 ? _gop[0].Message.Timestamp : (uint?)null;
            foreach (var header in new[] { _metadata, _videoConfig, _audioConfig })
            {
                if (header != null)
                {
                    frames.Add(start is uint t ? header.At(t) : header);
                }
            }

            frames.AddRange(_gop);
            return frames;
        }

        public void Clear()
        {
            _gop.Clear();
            _bytes = 0;
            _hasKeyFrame = false;
            _metadata = null;
            _videoConfig = null;
            _audioConfig = null;
        }
    }
}
