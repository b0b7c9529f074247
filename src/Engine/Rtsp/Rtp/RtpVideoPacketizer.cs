using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// Access units of a NAL-based codec into RTP packets: a NAL unit that fits goes as a single
    /// NAL unit packet, a larger one as fragmentation units whose header the codec defines. The
    /// marker bit is set on the access unit's last packet, and all its packets carry its
    /// presentation time at 90 kHz. Access unit delimiters are not sent (players need none);
    /// parameter sets go in band as they come, besides the SDP's.
    /// </summary>
    public abstract class RtpVideoPacketizer
    {
        private readonly int _maxPayload;
        private readonly byte _payloadType;
        private readonly uint _ssrc;
        private ushort _sequence;

        /// <summary>Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included).</summary>
        private protected RtpVideoPacketizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes)
        {
            if (maxPacketBytes < RtpHeader.Length + 8 || maxPacketBytes > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPacketBytes), maxPacketBytes, "An RTP packet is 20–65535 bytes here.");
            }

            _payloadType = payloadType;
            _ssrc = ssrc;
            _sequence = firstSequence;
            _maxPayload = maxPacketBytes - RtpHeader.Length;
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence => _sequence;

        /// <summary>Bytes of the codec's NAL unit header (1 for H.264, 2 for H.265).</summary>
        private protected abstract int NalHeaderLength { get; }

        /// <summary>The packets of one Annex B access unit shown at <paramref name="timestamp"/> (90 kHz).</summary>
        public List<byte[]> Packetize(ReadOnlySpan<byte> accessUnit, uint timestamp)
        {
            var units = new List<NalUnitRange>();
            foreach (var unit in AnnexB.FindNalUnits(accessUnit))
            {
                if (unit.Length >= NalHeaderLength && !IsDelimiter(accessUnit.Slice(unit.Offset, unit.Length)))
                {
                    units.Add(unit);
                }
            }

            var packets = new List<byte[]>();
            for (int i = 0; i < units.Count; i++)
            {
                var nal = accessUnit.Slice(units[i].Offset, units[i].Length);
                bool last = i == units.Count - 1;
                if (nal.Length <= _maxPayload)
                {
                    packets.Add(Packet(nal, default, last, timestamp));
                    continue;
                }

                var rest = nal.Slice(NalHeaderLength);
                int chunk = _maxPayload - NalHeaderLength - 1;
                for (int offset = 0; offset < rest.Length; offset += chunk)
                {
                    int length = Math.Min(chunk, rest.Length - offset);
                    bool start = offset == 0, end = offset + length == rest.Length;
                    packets.Add(Packet(rest.Slice(offset, length), FragmentHeader(nal, start, end), last && end, timestamp));
                }
            }

            return packets;
        }

        /// <summary>True for the codec's access unit delimiter.</summary>
        private protected abstract bool IsDelimiter(ReadOnlySpan<byte> nal);

        /// <summary>The bytes in front of a fragment of <paramref name="nal"/>: the codec's payload header and FU header.</summary>
        private protected abstract byte[] FragmentHeader(ReadOnlySpan<byte> nal, bool start, bool end);

        private byte[] Packet(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> prefix, bool marker, uint timestamp)
        {
            var packet = new byte[RtpHeader.Length + prefix.Length + payload.Length];
            RtpHeader.Write(packet, marker, _payloadType, _sequence++, timestamp, _ssrc);
            prefix.CopyTo(packet.AsSpan(RtpHeader.Length));
            payload.CopyTo(packet.AsSpan(RtpHeader.Length + prefix.Length));
            return packet;
        }
    }
}
