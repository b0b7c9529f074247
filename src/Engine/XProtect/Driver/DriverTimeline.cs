using System;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// Puts a publisher's millisecond timestamps on the wall clock for the Recording Server:
    /// anchored at the first frame's arrival, then by the stream's own times (so network jitter
    /// does not reach the recording), composition time added for presentation. Decode times
    /// never go back and stay within <see cref="MaxDrift"/> of the wall clock: a publisher whose
    /// clock runs fast or slow, stalls or restarts is anchored again, forward only.
    /// </summary>
    public sealed class DriverTimeline
    {
        /// <summary>How far the stream's times may drift from the wall clock before they are anchored again.</summary>
        public static readonly TimeSpan MaxDrift = TimeSpan.FromSeconds(1);

        private long? _offset;
        private long _lastDecode = long.MinValue;

        /// <summary>
        /// The decode and presentation times (Unix ms) of a frame with decode time
        /// <paramref name="decodeMs"/> and composition offset <paramref name="compositionMs"/>,
        /// arriving at <paramref name="nowMs"/> (Unix ms).
        /// </summary>
        public (long Decode, long Presentation) Place(long decodeMs, int compositionMs, long nowMs)
        {
            long decode = _offset is long offset ? decodeMs + offset : long.MinValue;
            if (_offset == null || Math.Abs(decode - nowMs) > (long)MaxDrift.TotalMilliseconds)
            {
                decode = Math.Max(nowMs, _lastDecode + 1);
                _offset = decode - decodeMs;
            }

            if (decode <= _lastDecode)
            {
                // Two frames with one timestamp, or a small step back: one millisecond on, never back.
                decode = _lastDecode + 1;
            }

            _lastDecode = decode;
            return (decode, decode + Math.Max(0, compositionMs));
        }

        /// <summary>A new publisher: its first frame is anchored again, after every time given so far.</summary>
        public void Restart() => _offset = null;
    }
}
