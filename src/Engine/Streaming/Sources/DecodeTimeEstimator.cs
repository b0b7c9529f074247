using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// GenericByteData carries only presentation times, in decode order; FLV needs decode times
    /// too. Holding a few frames back, each frame's decode time is the smallest presentation time
    /// from it onward: never after its own presentation, never going back, and with B-frames the
    /// composition offset comes out as the encoder made it.
    /// </summary>
    internal sealed class DecodeTimeEstimator<T>
    {
        // Reorder depth covered: x264 with -bf 3 and b-pyramid reorders 2 frames; cameras rarely use B-frames at all.
        internal const int Lookahead = 4;

        private readonly List<(long Pts, T Item)> _pending = new List<(long Pts, T Item)>();
        private long _lastDts = long.MinValue;

        /// <summary>Adds a frame; returns the frames whose decode time is now known, in decode order.</summary>
        public List<(long Dts, long Pts, T Item)> Push(long pts, T item)
        {
            _pending.Add((pts, item));
            var ready = new List<(long Dts, long Pts, T Item)>(1);
            while (_pending.Count > Lookahead)
            {
                ready.Add(TakeFirst());
            }

            return ready;
        }

        /// <summary>The frames still held back, at the end of the stream.</summary>
        public List<(long Dts, long Pts, T Item)> Flush()
        {
            var ready = new List<(long Dts, long Pts, T Item)>(_pending.Count);
            while (_pending.Count > 0)
            {
                ready.Add(TakeFirst());
            }

            return ready;
        }

        private (long Dts, long Pts, T Item) TakeFirst()
        {
            long min = long.MaxValue;
            foreach (var pending in _pending)
            {
                min = Math.Min(min, pending.Pts);
            }

            var first = _pending[0];
            _pending.RemoveAt(0);
            _lastDts = Math.Max(_lastDts, min);
            return (_lastDts, first.Pts, first.Item);
        }
    }
}
