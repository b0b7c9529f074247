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
        private readonly RtpPacketWriter _writer;

        /// <summary>Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included).</summary>
        private protected RtpVideoPacketizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes)
        {
            _writer = new RtpPacketWriter(payloadType, ssrc, firstSequence, maxPacketBytes, prefixBytes: 3);
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence => _writer.NextSequence;

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
                if (nal.Length <= _writer.MaxPayload)
                {
                    packets.Add(_writer.Packet(default, nal, last, timestamp));
                    continue;
                }

                var rest = nal.Slice(NalHeaderLength);
                int chunk = _writer.MaxPayload - NalHeaderLength - 1;
                for (int offset = 0; offset < rest.Length; offset += chunk)
                {
                    int length = Math.Min(chunk, rest.Length - offset);
                    bool start = offset == 0, end = offset + length == rest.Length;
                    packets.Add(_writer.Packet(FragmentHeader(nal, start, end), rest.Slice(offset, length), last && end, timestamp));
                }
            }

            return packets;
        }

        /// <summary>True for the codec's access unit delimiter.</summary>
        private protected abstract bool IsDelimiter(ReadOnlySpan<byte> nal);

        /// <summary>The bytes in front of a fragment of <paramref name="nal"/>: the codec's payload header and FU header.</summary>
        private protected abstract byte[] FragmentHeader(ReadOnlySpan<byte> nal, bool start, bool end);
    }
}
