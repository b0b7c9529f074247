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

        /// <summary>
        /// Packetizes for packets of at most <paramref name="maxPacketBytes"/> (RTP header included),
        /// each with <paramref name="headroom"/> free bytes in front of its RTP header.
        /// </summary>
        private protected RtpVideoPacketizer(byte payloadType, uint ssrc, ushort firstSequence, int maxPacketBytes, int headroom)
        {
            _writer = new RtpPacketWriter(payloadType, ssrc, firstSequence, maxPacketBytes, prefixBytes: 3, headroom);
        }

        /// <summary>The sequence number the next packet gets.</summary>
        public ushort NextSequence => _writer.NextSequence;

        /// <summary>Bytes of the codec's NAL unit header (1 for H.264, 2 for H.265).</summary>
        private protected abstract int NalHeaderLength { get; }

        /// <summary>The packets of one Annex B access unit shown at <paramref name="timestamp"/> (90 kHz).</summary>
        public List<byte[]> Packetize(ReadOnlySpan<byte> accessUnit, uint timestamp)
        {
            var packets = new List<byte[]>();
            Packetize(accessUnit, AnnexB.FindNalUnits(accessUnit), timestamp, packets, endsAccessUnit: true);
            return packets;
        }

        /// <summary>
        /// Adds to <paramref name="packets"/> the packets of the NAL units of <paramref name="data"/>
        /// that <paramref name="units"/> point at (from Annex B or a length-prefixed buffer), at
        /// <paramref name="timestamp"/> (90 kHz). The marker goes on the last packet only when
        /// <paramref name="endsAccessUnit"/>: parameter sets sent ahead of a picture do not end it.
        /// </summary>
        public void Packetize(ReadOnlySpan<byte> data, IReadOnlyList<NalUnitRange> units, uint timestamp, List<byte[]> packets, bool endsAccessUnit)
        {
            int last = units.Count - 1;
            while (last >= 0 && !IsSent(data.Slice(units[last].Offset, units[last].Length)))
            {
                last--;
            }

            for (int i = 0; i <= last; i++)
            {
                var nal = data.Slice(units[i].Offset, units[i].Length);
                if (!IsSent(nal))
                {
                    continue;
                }

                bool marker = endsAccessUnit && i == last;
                if (nal.Length <= _writer.MaxPayload)
                {
                    packets.Add(_writer.Packet(default, nal, marker, timestamp));
                    continue;
                }

                var rest = nal.Slice(NalHeaderLength);
                int chunk = _writer.MaxPayload - NalHeaderLength - 1;
                for (int offset = 0; offset < rest.Length; offset += chunk)
                {
                    int length = Math.Min(chunk, rest.Length - offset);
                    bool start = offset == 0, end = offset + length == rest.Length;
                    packets.Add(_writer.Packet(FragmentHeader(nal, start, end), rest.Slice(offset, length), marker && end, timestamp));
                }
            }
        }

        private bool IsSent(ReadOnlySpan<byte> nal) => nal.Length >= NalHeaderLength && !IsDelimiter(nal);

        /// <summary>True for the codec's access unit delimiter.</summary>
        private protected abstract bool IsDelimiter(ReadOnlySpan<byte> nal);

        /// <summary>The bytes in front of a fragment of <paramref name="nal"/>: the codec's payload header and FU header.</summary>
        private protected abstract byte[] FragmentHeader(ReadOnlySpan<byte> nal, bool start, bool end);
    }
}
