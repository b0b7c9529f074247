using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// RTP packets of an H.264 stream back into Annex B access units (RFC 6184, packetization
    /// modes 0 and 1: single NAL units, STAP-A, FU-A). An access unit ends at the marker bit or
    /// when the timestamp moves on. A lost packet (a sequence gap) loses the NAL unit it was in,
    /// and the access unit is flagged incomplete; packets that are not valid RTP or H.264 payload
    /// are counted and dropped, as a UDP receiver must, and an access unit never grows past
    /// <c>maxAccessUnitBytes</c>.
    /// </summary>
    public sealed class H264Depacketizer
    {
        private const int StapA = 24;
        private const int FuA = 28;
        private static readonly byte[] StartCode = { 0, 0, 0, 1 };

        private readonly int _maxAccessUnitBytes;
        private readonly List<byte> _unit = new List<byte>();
        private readonly List<byte> _fragment = new List<byte>();
        private bool _inFragment;
        private bool _damaged;
        private uint? _timestamp;
        private int? _lastSequence;

        /// <summary>Creates a depacketizer; access units over <paramref name="maxAccessUnitBytes"/> are dropped.</summary>
        public H264Depacketizer(int maxAccessUnitBytes = 8 * 1024 * 1024)
        {
            _maxAccessUnitBytes = maxAccessUnitBytes;
        }

        /// <summary>Packets dropped as not RTP, not H.264, or of an unsupported kind (STAP-B, MTAP, FU-B).</summary>
        public long Dropped { get; private set; }

        /// <summary>Sequence numbers missed.</summary>
        public long Lost { get; private set; }

        /// <summary>Takes one packet; returns the access unit it completed, or null.</summary>
        public RtpAccessUnit? Push(ReadOnlySpan<byte> packet)
        {
            if (!RtpPacket.TryRead(packet, out var rtp) || rtp.Payload.IsEmpty)
            {
                Dropped++;
                return null;
            }

            bool gap = false;
            if (_lastSequence is int last)
            {
                int ahead = (ushort)(rtp.Sequence - last);
                if (ahead == 0 || ahead > 0x8000)
                {
                    Dropped++; // a duplicate, or one that came after later ones
                    return null;
                }

                gap = ahead != 1;
                Lost += ahead - 1;
            }

            if (gap)
            {
                // The lost packets may have ended the unit being built or begun the next: both are damaged.
                _damaged = true;
                _inFragment = false;
                _fragment.Clear();
            }

            RtpAccessUnit? done = null;
            if (_timestamp != null && rtp.Timestamp != _timestamp)
            {
                done = Finish();
            }

            _damaged |= gap;
            _lastSequence = rtp.Sequence;
            _timestamp = rtp.Timestamp;
            Take(rtp.Payload);
            if (rtp.Marker)
            {
                // A unit completed by one packet and another by the marker cannot both be pending: the first was returned above.
                return done ?? Finish();
            }

            return done;
        }

        private void Take(ReadOnlySpan<byte> payload)
        {
            int type = payload[0] & 0x1F;
            if (type >= 1 && type <= 23)
            {
                Add(payload);
            }
            else if (type == StapA)
            {
                for (int at = 1; at + 2 <= payload.Length;)
                {
                    int size = (payload[at] << 8) | payload[at + 1];
                    if (size == 0 || at + 2 + size > payload.Length)
                    {
                        Dropped++;
                        _damaged = true;
                        return;
                    }

                    Add(payload.Slice(at + 2, size));
                    at += 2 + size;
                }
            }
            else if (type == FuA && payload.Length > 2)
            {
                bool start = (payload[1] & 0x80) != 0, end = (payload[1] & 0x40) != 0;
                if (start)
                {
                    _fragment.Clear();
                    _fragment.Add((byte)((payload[0] & 0xE0) | (payload[1] & 0x1F)));
                    _inFragment = true;
                }
                else if (!_inFragment)
                {
                    return; // the start was lost: the NAL unit is
                }

                if (_fragment.Count + payload.Length > _maxAccessUnitBytes)
                {
                    _damaged = true;
                    _inFragment = false;
                    _fragment.Clear();
                    return;
                }

                for (int i = 2; i < payload.Length; i++)
                {
                    _fragment.Add(payload[i]);
                }

                if (end)
                {
                    Add(_fragment.ToArray());
                    _fragment.Clear();
                    _inFragment = false;
                }
            }
            else
            {
                Dropped++;
            }
        }

        private void Add(ReadOnlySpan<byte> nal)
        {
            if (_unit.Count + StartCode.Length + nal.Length > _maxAccessUnitBytes)
            {
                _damaged = true;
                return;
            }

            _unit.AddRange(StartCode);
            foreach (var b in nal)
            {
                _unit.Add(b);
            }
        }

        private RtpAccessUnit? Finish()
        {
            var unit = _unit.Count == 0 ? null : new RtpAccessUnit(_timestamp!.Value, _unit.ToArray(), complete: !_damaged && !_inFragment);
            _unit.Clear();
            _fragment.Clear();
            _inFragment = false;
            _damaged = false;
            _timestamp = null;
            return unit;
        }
    }
}
