using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Publishing
{
    /// <summary>
    /// Applies the stream's <see cref="AudioMode"/> to the source's frames: passes, drops or
    /// replaces audio, and interleaves a silent AAC-LC track with the video by timestamp. Auto
    /// decides at the first video keyframe of each opening of the source: audio seen before it
    /// (servers and FLV files send the audio sequence header first) means the source has audio.
    /// Not thread-safe: the streamer's read loop owns it.
    /// </summary>
    internal sealed class AudioShaper
    {
        /// <summary>Rate of the silent track: 48 kHz, what YouTube recommends.</summary>
        public const int SilentSampleRate = 48000;

        /// <summary>Channels of the silent track: stereo, which every destination accepts.</summary>
        public const int SilentChannels = 2;

        // Built once: a frame's time travels beside it (TimedFrame) and each publisher stamps its own
        // copy of the message, so every silent frame of every stream can be the same object.
        private static readonly MediaFrame SilentConfig = Audio(SilentAac.SequenceHeader(SilentSampleRate, SilentChannels));
        private static readonly MediaFrame SilentFrame = Audio(SilentAac.Frame(SilentChannels));

        private readonly AudioMode _mode;
        private bool? _sourceHasAudio;
        private SilentAudioClock? _clock;
        private long _nextAnchor = long.MinValue;

        public AudioShaper(AudioMode mode)
        {
            _mode = mode;
            Reset();
        }

        /// <summary>What the current opening sends as audio; null while Auto has not decided.</summary>
        public bool? SendsSilence => _mode switch
        {
            AudioMode.Silent => true,
            AudioMode.Auto => _sourceHasAudio.HasValue ? !_sourceHasAudio.Value : (bool?)null,
            _ => false,
        };

        /// <summary>A new opening of the source: Auto decides afresh; the silent track goes on after the last frame.</summary>
        public void Reset()
        {
            _sourceHasAudio = _mode == AudioMode.Passthrough ? true : _mode == AudioMode.Auto ? (bool?)null : false;
            if (_clock != null)
            {
                _nextAnchor = _clock.NextTime;
            }

            _clock = null;
        }

        /// <summary>Appends to <paramref name="output"/> what goes out for <paramref name="frame"/>, in order.</summary>
        public void Shape(MediaFrame frame, long time, List<TimedFrame> output)
        {
            switch (frame.Kind)
            {
                case FrameKind.Audio:
                case FrameKind.AudioConfig:
                    if (_mode == AudioMode.Auto && _sourceHasAudio == null)
                    {
                        _sourceHasAudio = true;
                    }

                    if (_sourceHasAudio == true && _mode != AudioMode.Silent && _mode != AudioMode.None)
                    {
                        output.Add(new TimedFrame(frame, time));
                    }

                    return;
                case FrameKind.Video:
                case FrameKind.VideoKeyFrame:
                case FrameKind.VideoConfig:
                    if (_mode == AudioMode.Auto && _sourceHasAudio == null && frame.Kind == FrameKind.VideoKeyFrame)
                    {
                        _sourceHasAudio = false;
                    }

                    if (SendsSilence != true || (_clock == null && frame.Kind != FrameKind.VideoKeyFrame))
                    {
                        output.Add(new TimedFrame(frame, time));
                        return;
                    }

                    if (_clock == null)
                    {
                        // Ahead of the keyframe, so a destination starting there gets it with the video config.
                        var anchor = Math.Max(time, _nextAnchor);
                        _clock = new SilentAudioClock(anchor, SilentSampleRate);
                        output.Add(new TimedFrame(SilentConfig, anchor));
                    }

                    // Audio before the video frame up to its time, the frame, then audio at its very time.
                    while (_clock.NextTime < time)
                    {
                        output.Add(new TimedFrame(SilentFrame, _clock.Take()));
                    }

                    output.Add(new TimedFrame(frame, time));
                    while (_clock.NextTime == time)
                    {
                        output.Add(new TimedFrame(SilentFrame, _clock.Take()));
                    }

                    return;
                default:
                    output.Add(new TimedFrame(frame, time));
                    return;
            }
        }

        private static MediaFrame Audio(byte[] body) => MediaFrame.From(new RtmpMessage(MessageType.Audio, 0, 0, body));
    }
}
