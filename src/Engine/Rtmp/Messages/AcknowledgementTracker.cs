namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>
    /// Decides when to send an Acknowledgement (RTMP 1.0 §5.4.3): each time the bytes received have
    /// advanced by the peer's window since the last acknowledgement. The counter is 32 bits on the
    /// wire and wraps after 4 GiB, so distances are computed with unsigned wrap, never plain order.
    /// </summary>
    public sealed class AcknowledgementTracker
    {
        private uint _lastAcknowledged;

        /// <summary>Creates a tracker with no window; nothing is acknowledged until one is set.</summary>
        public AcknowledgementTracker()
        {
        }

        /// <summary>The window announced by the peer's Window Acknowledgement Size; 0 means none yet.</summary>
        public uint WindowSize { get; set; }

        /// <summary>
        /// True, once per window, when <paramref name="bytesReceived"/> (the decoder's wrapping counter)
        /// is at least <see cref="WindowSize"/> past the last acknowledged count; the sequence number to
        /// send is the current count.
        /// </summary>
        public bool ShouldAcknowledge(uint bytesReceived, out uint sequenceNumber)
        {
            sequenceNumber = 0;
            if (WindowSize == 0)
            {
                return false;
            }

            uint advanced = unchecked(bytesReceived - _lastAcknowledged);
            if (advanced < WindowSize)
            {
                return false;
            }

            _lastAcknowledged = bytesReceived;
            sequenceNumber = bytesReceived;
            return true;
        }
    }
}
