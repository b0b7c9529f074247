using System.Diagnostics;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Bytes per second over the last few whole seconds, in one-second slots: a steady figure an
    /// operator can read, where the average since the publish started would hide a drop. The
    /// caller serialises access (the stream's lock, already held where frames are counted).
    /// </summary>
    internal sealed class BitrateWindow
    {
        /// <summary>Whole seconds averaged; the current, partial second is left out.</summary>
        public const int Seconds = 5;

        private readonly long[] _bytes = new long[Seconds + 1];
        private readonly long[] _second = new long[Seconds + 1];
        private long _startSecond;

        public BitrateWindow()
        {
            Restart(Stopwatch.GetTimestamp());
        }

        /// <summary>Forgets everything: a new publish starts from zero.</summary>
        public void Restart(long timestamp)
        {
            _startSecond = SecondOf(timestamp);
            for (var i = 0; i < _bytes.Length; i++)
            {
                _bytes[i] = 0;
                _second[i] = long.MinValue;
            }
        }

        /// <summary>Counts bytes at a <see cref="Stopwatch.GetTimestamp"/> time.</summary>
        public void Add(long bytes, long timestamp)
        {
            var second = SecondOf(timestamp);
            var slot = (int)(second % _bytes.Length);
            if (_second[slot] != second)
            {
                _second[slot] = second;
                _bytes[slot] = 0;
            }

            _bytes[slot] += bytes;
        }

        /// <summary>Bits per second over the whole seconds before <paramref name="timestamp"/> (fewer when younger).</summary>
        public long BitsPerSecond(long timestamp)
        {
            var now = SecondOf(timestamp);
            var span = now - _startSecond;
            if (span <= 0)
            {
                return 0;
            }

            if (span > Seconds)
            {
                span = Seconds;
            }

            long bytes = 0;
            for (var i = 0; i < _bytes.Length; i++)
            {
                if (_second[i] < now && _second[i] >= now - span)
                {
                    bytes += _bytes[i];
                }
            }

            return bytes * 8 / span;
        }

        private static long SecondOf(long timestamp) => timestamp / Stopwatch.Frequency;
    }
}
