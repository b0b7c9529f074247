using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// RTP packets of a NAL-based video stream back into Annex B access units. An access unit
    /// ends at the marker bit or when the timestamp moves on. A lost packet (a sequence gap) loses
    /// the NAL unit it was in, and the access unit is flagged incomplete, as is one with a NAL
    /// unit that could not be rebuilt. Packets that are not RTP, not this sender's, or not valid
    /// payload are counted and dropped, as a UDP receiver must, and an access unit never grows
    /// past its limit. Which packets are the stream's is <see cref="RtpSourceTracker"/>'s to say.
    /// The codec reads its payload formats (<see cref="Take"/>) with the helpers here.
    /// </summary>
    public abstract class RtpVideoDepacketizer
    {
        private const int ShrinkAbove = 1 << 20;
        private static readonly byte[] StartCode = { 0, 0, 0, 1 };
        private static readonly RtpAccessUnit[] None = Array.Empty<RtpAccessUnit>();

        private readonly int _maxAccessUnitBytes;
        private byte[] _unit = Array.Empty<byte>();
        private int _unitLength;
        private byte[] _fragment = Array.Empty<byte>();
        private int _fragmentLength = -1; // -1: no fragmented NAL unit in progress
        private int _fragmentType;
        private bool _damaged;
        private uint? _timestamp;
        private readonly RtpSourceTracker _source = new RtpSourceTracker();
        private long _notRtp;

        /// <summary>Creates a depacketizer; an access unit over <paramref name="maxAccessUnitBytes"/> loses what does not fit.</summary>
        private protected RtpVideoDepacketizer(int maxAccessUnitBytes)
        {
            if (maxAccessUnitBytes < 1024)
            {
                throw new ArgumentOutOfRangeException(nameof(maxAccessUnitBytes), maxAccessUnitBytes, "An access unit may be at least 1024 bytes.");
            }

            _maxAccessUnitBytes = maxAccessUnitBytes;
        }

        /// <summary>Packets dropped as not RTP, another sender's, duplicate or late, or not valid payload.</summary>
        public long Dropped => _notRtp + _source.Dropped;

        /// <summary>Sequence numbers missed.</summary>
        public long Lost => _source.Lost;

        /// <summary>Takes one packet; returns the access units it completed (none, one, or two when it both starts and ends a unit).</summary>
        public IReadOnlyList<RtpAccessUnit> Push(ReadOnlySpan<byte> packet)
        {
            if (!RtpPacket.TryRead(packet, out var rtp))
            {
                _notRtp++;
                return None;
            }

            if (!_source.Accept(rtp, out bool gap))
            {
                return None;
            }

            if (gap)
            {
                // The lost packets may have ended the unit being built or begun the next: both are damaged.
                _damaged = true;
                _fragmentLength = -1;
            }

            List<RtpAccessUnit>? done = null;
            if (_timestamp != null && rtp.Timestamp != _timestamp && Finish() is { } previous)
            {
                done = new List<RtpAccessUnit>(2) { previous };
            }

            _damaged |= gap;
            _timestamp = rtp.Timestamp;
            if (rtp.Payload.IsEmpty)
            {
                _source.Refused();
            }
            else
            {
                Take(rtp.Payload);
            }

            if (rtp.Marker && Finish() is { } current)
            {
                (done ??= new List<RtpAccessUnit>(1)).Add(current);
            }

            return (IReadOnlyList<RtpAccessUnit>?)done ?? None;
        }

        /// <summary>The access unit still being built (its marker never came: the stream ended), or null.</summary>
        public RtpAccessUnit? Flush() => Finish();

        /// <summary>Reads one packet's payload (never empty), adding NAL units with the helpers below.</summary>
        private protected abstract void Take(ReadOnlySpan<byte> payload);

        /// <summary>
        /// One fragment of a fragmented NAL unit: <paramref name="nalHeader"/> rebuilt from the
        /// payload and FU headers, <paramref name="type"/> the NAL type the FU header names, which
        /// every fragment must repeat.
        /// </summary>
        private protected void Fragment(ReadOnlySpan<byte> nalHeader, int type, bool start, bool end, ReadOnlySpan<byte> data)
        {
            if (start)
            {
                if (_fragmentLength >= 0)
                {
                    _damaged = true; // the previous one never ended
                }

                _fragmentLength = 0;
                _fragmentType = type;
                Append(ref _fragment, ref _fragmentLength, nalHeader);
            }
            else if (_fragmentLength < 0)
            {
                _damaged = true; // its start was lost: so is the NAL unit
                return;
            }
            else if (type != _fragmentType)
            {
                _fragmentLength = -1;
                Damage();
                return;
            }

            if (_fragmentLength + data.Length > _maxAccessUnitBytes)
            {
                _fragmentLength = -1;
                _damaged = true;
                return;
            }

            Append(ref _fragment, ref _fragmentLength, data);
            if (end)
            {
                Add(_fragment.AsSpan(0, _fragmentLength));
                _fragmentLength = -1;
            }
        }

        /// <summary>A fragment too short to hold anything: the NAL unit it belonged to is lost.</summary>
        private protected void BrokenFragment()
        {
            _fragmentLength = -1;
            Damage();
        }

        /// <summary>
        /// The NAL units of an aggregation packet, from <paramref name="offset"/>: each a 16-bit size
        /// then the unit; <paramref name="valid"/> says whether one may be aggregated.
        /// </summary>
        private protected void Aggregated(ReadOnlySpan<byte> payload, int offset, Func<byte, bool> valid)
        {
            int at = offset;
            while (at + 2 <= payload.Length)
            {
                int size = (payload[at] << 8) | payload[at + 1];
                if (size == 0 || at + 2 + size > payload.Length || !valid(payload[at + 2]))
                {
                    Damage();
                    return;
                }

                Add(payload.Slice(at + 2, size));
                at += 2 + size;
            }

            if (at != payload.Length)
            {
                Damage();
            }
        }

        /// <summary>Adds one whole NAL unit to the access unit.</summary>
        private protected void Add(ReadOnlySpan<byte> nal)
        {
            if (_unitLength + StartCode.Length + nal.Length > _maxAccessUnitBytes)
            {
                _damaged = true;
                return;
            }

            Append(ref _unit, ref _unitLength, StartCode);
            Append(ref _unit, ref _unitLength, nal);
        }

        /// <summary>Counts a payload that could not be read and flags the access unit.</summary>
        private protected void Damage()
        {
            _source.Refused();
            _damaged = true;
        }

        private RtpAccessUnit? Finish()
        {
            var unit = _unitLength == 0 ? null : new RtpAccessUnit(_timestamp!.Value, _unit.AsSpan(0, _unitLength).ToArray(), complete: !_damaged && _fragmentLength < 0);

            // One large unit does not pin its buffers for the life of the stream.
            _unit = _unit.Length > ShrinkAbove ? Array.Empty<byte>() : _unit;
            _fragment = _fragment.Length > ShrinkAbove ? Array.Empty<byte>() : _fragment;
            _unitLength = 0;
            _fragmentLength = -1;
            _damaged = false;
            _timestamp = null;
            return unit;
        }

        private static void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
        {
            if (length + bytes.Length > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(length + bytes.Length, Math.Max(4096, buffer.Length * 2)));
            }

            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
        }
    }
}
