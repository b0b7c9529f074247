namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// RTMP's 32-bit millisecond timestamps unwrapped onto a 64-bit clock that starts at 0: they
    /// wrap after 49.7 days, and audio and video interleave a little out of order, so each step is
    /// read as the signed difference to the one before (a wrap is a small step forward).
    /// </summary>
    internal struct MillisecondClock
    {
        private long _value;
        private uint _last;
        private bool _started;

        /// <summary>Milliseconds since the first timestamp given.</summary>
        public long Unwrap(uint milliseconds)
        {
            if (_started)
            {
                _value += unchecked((int)(milliseconds - _last));
            }

            _started = true;
            _last = milliseconds;
            return _value;
        }
    }
}
