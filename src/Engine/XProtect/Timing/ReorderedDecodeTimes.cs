using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.Timing
{
    /// <summary>
    /// Decode times for pictures whose presentation times are known, in decode order, as an
    /// encoder's muxer gives them: the k-th decode time is the k-th presentation time in sorted
    /// order, delayed by the stream's reorder depth D (so DTS ≤ PTS and the steps stay even, as
    /// ffmpeg writes them: pts 0, 160, 80, 40 → dts −80, −40, 0, 40). D is measured on the first
    /// pictures (at least <see cref="MinimumDepth"/>, since encoders place B-frames adaptively and
    /// the first GOP may have fewer than later ones) and kept, so decode times never step back; a
    /// later deeper reorder is clamped, the picture shown when it is decoded.
    /// </summary>
    internal sealed class ReorderedDecodeTimes<T>
    {
        /// <summary>The depth of x264's and most cameras' B-frame pyramid (3 B-frames): 2.</summary>
        internal const int MinimumDepth = 2;

        private readonly int _lookahead;
        private readonly List<(long Pts, T Item)> _pending = new List<(long, T)>();
        private readonly List<long> _unused = new List<long>();
        private readonly Queue<long> _sources = new Queue<long>();
        private int _depth = -1;
        private long _firstStep;
        private long _emitted;
        private long _lastDts = long.MinValue;

        public ReorderedDecodeTimes(int lookahead)
        {
            _lookahead = lookahead;
        }

        public List<TimedPicture<T>> Push(long pts, T item)
        {
            _pending.Add((pts, item));
            int at = _unused.BinarySearch(pts);
            _unused.Insert(at < 0 ? ~at : at, pts);
            var ready = new List<TimedPicture<T>>(1);
            while (_pending.Count > _lookahead)
            {
                ready.Add(TakeFirst());
            }

            return ready;
        }

        public List<TimedPicture<T>> Flush()
        {
            var ready = new List<TimedPicture<T>>(_pending.Count);
            while (_pending.Count > 0)
            {
                ready.Add(TakeFirst());
            }

            return ready;
        }

        private TimedPicture<T> TakeFirst()
        {
            if (_depth < 0)
            {
                _depth = Math.Max(Depth(), _pending.Count > 1 && HasReordering() ? MinimumDepth : 0);
                _firstStep = _unused.Count > 1 ? Math.Max(1, _unused[1] - _unused[0]) : 1;
            }

            // With the lookahead in view no later picture comes before the smallest one left.
            _sources.Enqueue(_unused[0]);
            _unused.RemoveAt(0);
            // The queue holds the last D + 1 sources once D pictures are out; the oldest is this decode time.
            long dts = _emitted < _depth
                ? _sources.Peek() - ((_depth - _emitted) * _firstStep)
                : _sources.Dequeue();

            var (pts, item) = _pending[0];
            _pending.RemoveAt(0);
            _emitted++;
            dts = Math.Min(dts, pts);
            dts = _lastDts == long.MinValue ? dts : Math.Max(dts, _lastDts + 1);
            _lastDts = dts;
            return new TimedPicture<T>(item, dts, Math.Max(pts, dts));
        }

        private bool HasReordering()
        {
            for (int i = 1; i < _pending.Count; i++)
            {
                if (_pending[i].Pts < _pending[i - 1].Pts)
                {
                    return true;
                }
            }

            return false;
        }

        // The most pictures that come earlier in decode order but later in presentation order.
        private int Depth()
        {
            int depth = 0;
            for (int i = 0; i < _pending.Count; i++)
            {
                int later = 0;
                for (int j = 0; j < i; j++)
                {
                    later += _pending[j].Pts > _pending[i].Pts ? 1 : 0;
                }

                depth = Math.Max(depth, later);
            }

            return depth;
        }
    }
}
