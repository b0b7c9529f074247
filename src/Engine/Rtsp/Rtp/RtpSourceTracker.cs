namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// Which received packets belong to the stream, in order: one sender (SSRC) and payload type,
    /// sequence numbers checked as RFC 3550 Appendix A.1 does. A duplicate or a late packet is
    /// dropped; a jump or a new SSRC is followed only once a second packet confirms it, so one
    /// stray or spoofed packet cannot derail the stream.
    /// </summary>
    internal sealed class RtpSourceTracker
    {
        private const int MaxDropout = 3000;
        private const int MaxMisorder = 100;

        private int? _lastSequence;
        private uint? _ssrc;
        private byte? _payloadType;
        private uint? _newSsrc;
        private int? _newSequence;

        /// <summary>Packets refused: another sender's or payload type, duplicates, late ones, unconfirmed jumps.</summary>
        public long Dropped { get; private set; }

        /// <summary>Sequence numbers missed.</summary>
        public long Lost { get; private set; }

        /// <summary>Whether to take <paramref name="rtp"/>; <paramref name="gap"/> says packets before it were lost (or the sender restarted).</summary>
        public bool Accept(RtpPacket rtp, out bool gap)
        {
            gap = false;
            if (!FromSender(rtp, ref gap))
            {
                Dropped++;
                return false;
            }

            if (_lastSequence is int last)
            {
                int ahead = (ushort)(rtp.Sequence - last);
                if (ahead == 0 || ahead >= 65536 - MaxMisorder)
                {
                    Dropped++; // a duplicate, or one that came after later ones
                    return false;
                }

                if (ahead >= MaxDropout)
                {
                    // A jump: a sender that restarted its numbering, or a stray packet. Followed once confirmed.
                    if (_newSequence != rtp.Sequence)
                    {
                        _newSequence = (ushort)(rtp.Sequence + 1);
                        Dropped++;
                        return false;
                    }

                    gap = true;
                }
                else
                {
                    gap |= ahead != 1;
                    Lost += ahead - 1;
                }
            }

            _newSequence = null;
            _lastSequence = rtp.Sequence;
            return true;
        }

        /// <summary>Counts a packet taken in order but whose payload could not be read.</summary>
        public void Refused() => Dropped++;

        private bool FromSender(RtpPacket rtp, ref bool restarted)
        {
            _payloadType ??= rtp.PayloadType;
            if (rtp.PayloadType != _payloadType)
            {
                return false;
            }

            if (_ssrc == null || rtp.Ssrc == _ssrc)
            {
                _ssrc = rtp.Ssrc;
                _newSsrc = null;
                return true;
            }

            if (_newSsrc != rtp.Ssrc)
            {
                _newSsrc = rtp.Ssrc;
                return false;
            }

            // The second packet in a row from a new source: the sender restarted.
            _ssrc = rtp.Ssrc;
            _newSsrc = null;
            _lastSequence = null;
            restarted = true;
            return true;
        }
    }
}
