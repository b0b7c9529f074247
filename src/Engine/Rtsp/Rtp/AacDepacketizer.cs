using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// RTP packets of RFC 3640 AAC-hbr (13-bit sizes, 3-bit indexes) back into raw AAC frames,
    /// several frames per packet or one frame in fragments. The frames of a packet follow its
    /// timestamp one frame duration apart (non-interleaved: every index delta is 0). A lost
    /// packet loses the frame it was part of; a packet whose AU headers do not add up is refused.
    /// </summary>
    public sealed class AacDepacketizer
    {
        private const int MaxAuHeaders = 64;
        private static readonly RtpAudioFrame[] None = Array.Empty<RtpAudioFrame>();

        private readonly RtpSourceTracker _source = new RtpSourceTracker();
        private readonly int _samplesPerFrame;
        private byte[]? _fragment;
        private int _fragmentLength;
        private uint _fragmentTimestamp;
        private long _notRtp;

        /// <summary>Creates a depacketizer for frames of <paramref name="samplesPerFrame"/> samples (1024 for AAC-LC, 2048 with SBR at the core rate).</summary>
        public AacDepacketizer(int samplesPerFrame = 1024)
        {
            _samplesPerFrame = samplesPerFrame;
        }

        /// <summary>Packets dropped as not RTP, another sender's, duplicate or late, or not valid AAC-hbr.</summary>
        public long Dropped => _notRtp + _source.Dropped;

        /// <summary>Sequence numbers missed.</summary>
        public long Lost => _source.Lost;

        /// <summary>Takes one packet; returns the frames it completed.</summary>
        public IReadOnlyList<RtpAudioFrame> Push(ReadOnlySpan<byte> packet)
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

            if (gap || (_fragment != null && rtp.Timestamp != _fragmentTimestamp))
            {
                _fragment = null; // its other fragments are lost
            }

            var payload = rtp.Payload;
            if (payload.Length < 4)
            {
                _source.Refused();
                return None;
            }

            int headerBits = (payload[0] << 8) | payload[1];
            int headers = headerBits / 16;
            int data = 2 + ((headerBits + 7) / 8);
            if (headerBits == 0 || headerBits % 16 != 0 || headers > MaxAuHeaders || data > payload.Length)
            {
                _source.Refused();
                _fragment = null;
                return None;
            }

            var sizes = new int[headers];
            long total = 0;
            for (int i = 0; i < headers; i++)
            {
                sizes[i] = ((payload[2 + (2 * i)] << 8) | payload[3 + (2 * i)]) >> 3;
                total += sizes[i];
            }

            var body = payload.Slice(data);
            if (headers == 1 && sizes[0] > body.Length)
            {
                return Fragment(sizes[0], body, rtp.Timestamp, rtp.Marker);
            }

            if (total != body.Length || sizes[0] == 0)
            {
                _source.Refused();
                _fragment = null;
                return None;
            }

            _fragment = null;
            var frames = new List<RtpAudioFrame>(headers);
            int at = 0;
            for (int i = 0; i < headers; i++)
            {
                frames.Add(new RtpAudioFrame(unchecked(rtp.Timestamp + (uint)(i * _samplesPerFrame)), body.Slice(at, sizes[i]).ToArray()));
                at += sizes[i];
            }

            return frames;
        }

        private IReadOnlyList<RtpAudioFrame> Fragment(int size, ReadOnlySpan<byte> body, uint timestamp, bool last)
        {
            if (_fragment == null)
            {
                _fragment = new byte[size];
                _fragmentLength = 0;
                _fragmentTimestamp = timestamp;
            }

            if (_fragment.Length != size || _fragmentLength + body.Length > size)
            {
                _source.Refused();
                _fragment = null;
                return None;
            }

            body.CopyTo(_fragment.AsSpan(_fragmentLength));
            _fragmentLength += body.Length;
            if (!last)
            {
                return None;
            }

            var frame = _fragmentLength == size ? new[] { new RtpAudioFrame(timestamp, _fragment) } : None;
            _fragment = null;
            return frame;
        }
    }
}
