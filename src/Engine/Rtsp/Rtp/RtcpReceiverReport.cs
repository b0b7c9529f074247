using System;
using System.Buffers.Binary;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// The RTCP a receiver sends back over UDP (RFC 3550 §6.1): a compound packet of a receiver
    /// report without report blocks (§6.4.2) and an SDES with the CNAME every compound packet
    /// carries (§6.5.1). It tells the server the receiver is still there, which is what servers
    /// time sessions out by, and opens the NAT or firewall path to the receiver's RTCP port.
    /// </summary>
    public static class RtcpReceiverReport
    {
        private const byte PayloadTypeReceiverReport = 201;
        private const byte PayloadTypeSourceDescription = 202;
        private const byte Cname = 1;

        /// <summary>The compound packet from <paramref name="ssrc"/>, named <paramref name="cname"/> (ASCII, cut at 255 bytes).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="cname"/> is null.</exception>
        public static byte[] Create(uint ssrc, string cname)
        {
            if (cname == null)
            {
                throw new ArgumentNullException(nameof(cname));
            }

            var name = Encoding.ASCII.GetBytes(cname);
            var nameLength = Math.Min(name.Length, 255);

            // The chunk: SSRC, the CNAME item, then at least one zero byte ending the list, to a 32-bit boundary.
            var chunk = 4 + 2 + nameLength;
            chunk += 4 - (chunk % 4);
            var packet = new byte[8 + 4 + chunk];
            packet[0] = 0x80; // version 2, no padding, no report blocks
            packet[1] = PayloadTypeReceiverReport;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 1);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);

            packet[8] = 0x81; // version 2, one chunk
            packet[9] = PayloadTypeSourceDescription;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), (ushort)(((4 + chunk) / 4) - 1));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), ssrc);
            packet[16] = Cname;
            packet[17] = (byte)nameLength;
            Array.Copy(name, 0, packet, 18, nameLength);
            return packet;
        }
    }
}
