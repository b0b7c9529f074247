using System;

namespace RtmpXProtect.Engine.Streaming.Publishing
{
    /// <summary>
    /// Times silent AAC frames from a sample counter: frame n starts at
    /// anchor + floor(n × 1024 × 1000 / rate) ms, computed afresh for each frame, so the rounding of
    /// one frame never adds up over days (a fixed 23 ms step drifts 2.2 s an hour at 44.1 kHz).
    /// </summary>
    internal sealed class SilentAudioClock
    {
        private readonly long _anchor;
        private readonly int _sampleRate;

        public SilentAudioClock(long anchor, int sampleRate)
        {
            if (sampleRate <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
            }

            _anchor = anchor;
            _sampleRate = sampleRate;
        }

        /// <summary>Frames handed out so far.</summary>
        public long Count { get; private set; }

        /// <summary>When the next frame starts, in ms on the stream's timeline.</summary>
        public long NextTime => TimeOf(Count);

        /// <summary>When frame <paramref name="n"/> starts: exact to the millisecond below (n × 1024000 fits a long for 10^13 frames).</summary>
        public long TimeOf(long n) => _anchor + (n * SilentAac.SamplesPerFrame * 1000L / _sampleRate);

        /// <summary>Takes the next frame's time and counts it.</summary>
        public long Take() => TimeOf(Count++);
    }
}
