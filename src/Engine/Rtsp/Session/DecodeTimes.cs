using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// Decode times for pictures that come with presentation times only (RTP), in decode order.
    /// The k-th picture decodes at the (k − <see cref="Depth"/>)-th smallest presentation time,
    /// which a decoder with that reorder depth needs; the timeline moves <see cref="Shift"/> later
    /// so the first pictures' decode times are not negative (FLV and RTMP times are unsigned), and
    /// decode times rise strictly and never pass the presentation time.
    /// </summary>
    internal sealed class DecodeTimes<T>
    {
        /// <summary>Reorder depth covered: x264's B-pyramid with up to three B-frames needs two.</summary>
        public const int Depth = 2;

        /// <summary>How far every time (audio too) moves later.</summary>
        public const long Shift = 200;

        // Pictures held back: a later picture may present before them.
        private const int Window = 4;

        private readonly List<(long Pts, T Item)> _pending = new List<(long, T)>();
        private readonly List<long> _unassigned = new List<long>();
        private long _emitted;
        private long _lastDts = long.MinValue;

        /// <summary>Adds a picture; returns those whose decode time is now known, in decode order, with times shifted.</summary>
        public List<(long Dts, long Pts, T Item)> Push(long pts, T item)
        {
            _pending.Add((pts, item));
            var at = _unassigned.BinarySearch(pts);
            _unassigned.Insert(at < 0 ? ~at : at, pts);
            var ready = new List<(long, long, T)>(1);
            while (_pending.Count > Window)
            {
                ready.Add(Emit());
            }

            return ready;
        }

        /// <summary>The pictures still held back, at the end.</summary>
        public List<(long Dts, long Pts, T Item)> Flush()
        {
            var ready = new List<(long, long, T)>(_pending.Count);
            while (_pending.Count > 0)
            {
                ready.Add(Emit());
            }

            return ready;
        }

        private (long Dts, long Pts, T Item) Emit()
        {
            var (pts, item) = _pending[0];
            _pending.RemoveAt(0);
            long candidate;
            if (_emitted < Depth)
            {
                // Before the depth is reached: just ahead of the first presentation time.
                candidate = _unassigned[0] + Shift - (Depth - _emitted);
            }
            else
            {
                candidate = _unassigned[0] + Shift;
                _unassigned.RemoveAt(0);
            }

            _emitted++;
            var shifted = pts + Shift;
            var dts = Math.Max(_lastDts == long.MinValue ? long.MinValue : _lastDts + 1, Math.Min(candidate, shifted));
            _lastDts = dts;
            return (dts, shifted, item);
        }
    }
}
