using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.XProtect.Timing
{
    /// <summary>
    /// Gives the pictures of a Recording Server (decode order, each stamped with a GenericByteData
    /// time) their presentation and decode times. The stamp is the clock, but it is not always the
    /// presentation time: a recorder may stamp the pictures of a B-frame stream with their arrival
    /// times, bunched per mini-GOP (WIP). So, within each GOP (re-anchored at its key frame):
    /// pictures are put in presentation order by picture order count, and when the stamps do not
    /// follow that order (stamps rising in decode order while the counts reorder) the pictures are
    /// spread from the key frame's stamp at the frame interval; otherwise the stamps are kept, so
    /// a recording's own times survive. A picture waits for at most <c>window</c> later ones.
    /// </summary>
    /// <remarks>
    /// The frame interval is the SPS timing when given, else the previous GOP's span per picture,
    /// else the stamps' span over the picture order counts in view, else 40 ms. Times never go
    /// back: a GOP anchored before the previous one ended is moved after it.
    /// </remarks>
    public sealed class PresentationTimeline<T>
    {
        private const double FallbackInterval = 40;

        /// <summary>
        /// Most pictures held as one GOP. A stream without key frames (or with 20 s GOPs at 60 fps)
        /// is cut here, so memory and the slot search stay bounded.
        /// </summary>
        internal const int MaxGopPictures = 1200;

        private readonly int _window;
        private readonly List<Entry> _gop = new List<Entry>();
        private readonly ReorderedDecodeTimes<T> _decodeTimes;
        private Mode _mode;
        private int _assigned;
        private int _released;
        private int _keyRank;
        private double _anchor;
        private double _interval;
        private double? _previousGopInterval;
        private long _lastPresentation = long.MinValue;

        /// <summary>Creates a timeline holding a picture back for at most <paramref name="window"/> later ones (the reorder depth covered).</summary>
        public PresentationTimeline(int window = 3)
        {
            if (window < 1 || window > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be 1–64 pictures.");
            }

            _window = window;
            _decodeTimes = new ReorderedDecodeTimes<T>(window + 1);
        }

        private enum Mode
        {
            Undecided,
            Stamped,
            Spread,
        }

        /// <summary>The frame interval from the stream's SPS timing, when it has one.</summary>
        public TimeSpan? FrameDuration { get; set; }

        /// <summary>GOPs whose stamps were arrival times and were spread, so far.</summary>
        public int SpreadGops { get; private set; }

        /// <summary>Adds the next picture in decode order; returns those whose times are now known, in decode order.</summary>
        public List<TimedPicture<T>> Push(T item, long stamp, bool key, PictureOrder order)
        {
            var ready = new List<TimedPicture<T>>();
            if ((key && _gop.Count > 0) || _gop.Count >= MaxGopPictures)
            {
                _previousGopInterval = GopInterval(stamp, order.Count) ?? _previousGopInterval;
                EndGop(ready);
            }

            _gop.Add(new Entry(item, stamp, order.Count));
            if (_gop.Count - _assigned > _window)
            {
                Decide();
                while (_gop.Count - _assigned > _window)
                {
                    AssignNext();
                }
            }

            Release(ready);
            return ready;
        }

        /// <summary>Gives the pictures still held back their times: at the end of a stream or before a jump in it.</summary>
        public List<TimedPicture<T>> Flush()
        {
            var ready = new List<TimedPicture<T>>();
            EndGop(ready);
            ready.AddRange(_decodeTimes.Flush());

            return ready;
        }

        private void EndGop(List<TimedPicture<T>> ready)
        {
            if (_gop.Count > 0)
            {
                Decide();
                while (_assigned < _gop.Count)
                {
                    AssignNext();
                }
            }

            Release(ready);
            _gop.Clear();
            _assigned = 0;
            _released = 0;
            _mode = Mode.Undecided;
        }

        // With the GOP's first pictures in view: stamps kept unless they rise in decode order while the counts reorder.
        private void Decide()
        {
            if (_mode != Mode.Undecided)
            {
                return;
            }

            bool reordered = false, stampsRise = true;
            for (int i = 1; i < _gop.Count; i++)
            {
                stampsRise &= _gop[i].Stamp >= _gop[i - 1].Stamp;
                for (int j = 0; j < i && !reordered; j++)
                {
                    reordered = _gop[j].Order > _gop[i].Order;
                }
            }

            _mode = reordered && stampsRise ? Mode.Spread : Mode.Stamped;
            if (_mode != Mode.Spread)
            {
                return;
            }

            SpreadGops++;
            _interval = FrameDuration?.TotalMilliseconds ?? _previousGopInterval ?? StampSpacing();
            _keyRank = 0;
            foreach (var entry in _gop)
            {
                _keyRank += entry.Order < _gop[0].Order ? 1 : 0;
            }

            // Leading pictures (an open GOP) are shown before the key frame; none may precede what was shown.
            _anchor = Math.Max(_gop[0].Stamp, _lastPresentation + ((_keyRank + 1) * _interval));
        }

        // The GOP just ended lasted from its key frame's stamp to the next one's. In frames: its
        // picture count, or for an open GOP (counts go on past the key frame, leading pictures
        // belong before it) the count span in steps.
        private double? GopInterval(long nextKeyStamp, long nextKeyOrder)
        {
            long span = nextKeyStamp - _gop[0].Stamp;
            long step = SmallestStep();
            long frames = nextKeyOrder > _gop[0].Order && step > 0 ? (nextKeyOrder - _gop[0].Order) / step : _gop.Count;
            return span > 0 && frames > 0 ? span / (double)frames : (double?)null;
        }

        // Stamps rise in decode order here, so the latest stamp belongs to the picture with the
        // highest count in view: the stamp span over the count span, in steps.
        private double StampSpacing()
        {
            long maxOrder = long.MinValue;
            foreach (var entry in _gop)
            {
                maxOrder = Math.Max(maxOrder, entry.Order);
            }

            long step = SmallestStep();
            long span = _gop[_gop.Count - 1].Stamp - _gop[0].Stamp;
            long frames = step > 0 ? (maxOrder - _gop[0].Order) / step : 0;
            return span > 0 && frames > 0 ? span / (double)frames : FallbackInterval;
        }

        // Counts rise by 2 per frame in most H.264 streams and by 1 in H.265: the smallest gap between counts in view.
        private long SmallestStep()
        {
            var orders = new List<long>(_gop.Count);
            foreach (var entry in _gop)
            {
                orders.Add(entry.Order);
            }

            orders.Sort();
            long step = 0;
            for (int i = 1; i < orders.Count; i++)
            {
                long gap = orders[i] - orders[i - 1];
                step = gap > 0 && (step == 0 || gap < step) ? gap : step;
            }

            return step;
        }

        // The next presentation slot goes to the waiting picture with the lowest count.
        private void AssignNext()
        {
            int best = -1;
            for (int i = 0; i < _gop.Count; i++)
            {
                if (_gop[i].Presentation == null && (best < 0 || _gop[i].Order < _gop[best].Order))
                {
                    best = i;
                }
            }

            long time = _mode == Mode.Spread
                ? (long)Math.Round(_anchor + ((_assigned - _keyRank) * _interval))
                : _gop[best].Stamp;
            time = _lastPresentation == long.MinValue ? time : Math.Max(time, _lastPresentation + 1);
            _gop[best].Presentation = time;
            _lastPresentation = time;
            _assigned++;
        }

        // Pictures leave in decode order as soon as they and all before them have a presentation time.
        private void Release(List<TimedPicture<T>> ready)
        {
            while (_released < _gop.Count && _gop[_released].Presentation is long pts)
            {
                ready.AddRange(_decodeTimes.Push(pts, _gop[_released].Item));
                _gop[_released].Item = default!; // its payload is not held for the rest of the GOP
                _released++;
            }
        }

        private sealed class Entry
        {
            public Entry(T item, long stamp, long order)
            {
                Item = item;
                Stamp = stamp;
                Order = order;
            }

            public T Item { get; set; }

            public long Stamp { get; }

            public long Order { get; }

            public long? Presentation { get; set; }
        }
    }
}
