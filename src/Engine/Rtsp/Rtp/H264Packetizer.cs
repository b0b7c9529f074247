using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// H.264 access units into RTP packets (RFC 6184, packetization-mode 1): a NAL unit that fits
    /// goes as a single NAL unit packet (§5.6), a larger one as FU-A fragments (§5.8). The marker
    /// bit is set on the access unit's last packet (§5.1), and all its packets carry its
    /// presentation time at 90 kHz. Access unit delimiters are not sent (§5.6 allows, and players
    /// need none); parameter sets go in band as they come, besides the SDP's sprop-parameter-sets.
    /// </summary>
    public sealed class H264Packetizer
    {
        private const int NalAud = 9;
        private const int FuA = 28;

        private readonly int _maxPayload;
        private readonly byte _payloadType;
        private readonly uint _ssrc;
        private ushort _sequence;

        /// <summary>Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included).</summary>
        public H264Packetizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes = 1400)
        {
            if (maxPacketBytes < RtpHeader.Length + 3 || maxPacketBytes > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPacketBytes), maxPacketBytes, "An RTP packet is 15–65535 bytes here.");
            }

            _payloadType = payloadType;
            _ssrc = ssrc;
            _sequence = firstSequence;
            _maxPayload = maxPacketBytes - RtpHeader.Length;
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence => _sequence;

        /// <summary>The packets of one Annex B access unit shown at <paramref name="timestamp"/> (90 kHz).</summary>
        public List<byte[]> Packetize(ReadOnlySpan<byte> accessUnit, uint timestamp)
        {
            var units = new List<NalUnitRange>();
            foreach (var unit in AnnexB.FindNalUnits(accessUnit))
            {
                if (unit.Length > 0 && (accessUnit[unit.Offset] & 0x1F) != NalAud)
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

                // FU-A: the NAL header's F and NRI bits in the indicator, its type in each fragment's header.
                byte indicator = (byte)((nal[0] & 0xE0) | FuA);
                int type = nal[0] & 0x1F;
                var rest = nal.Slice(1);
                int chunk = _maxPayload - 2;
                for (int offset = 0; offset < rest.Length; offset += chunk)
                {
                    int length = Math.Min(chunk, rest.Length - offset);
                    bool start = offset == 0, end = offset + length == rest.Length;
                    var header = new[] { indicator, (byte)((start ? 0x80 : 0) | (end ? 0x40 : 0) | type) };
                    packets.Add(Packet(rest.Slice(offset, length), header, last && end, timestamp));
                }
            }

            return packets;
        }

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
