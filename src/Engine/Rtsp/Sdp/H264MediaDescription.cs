using System;
using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>
    /// The SDP media section of an H.264 stream (RFC 6184 §8.1, §8.2.1): rtpmap at 90 kHz, and an
    /// fmtp with packetization-mode 1, the profile-level-id and the sprop-parameter-sets a player
    /// decodes from before the first in-band SPS arrives.
    /// </summary>
    public static class H264MediaDescription
    {
        /// <summary>The media lines, each ended by CRLF.</summary>
        /// <param name="payloadType">The dynamic payload type (96–127).</param>
        /// <param name="sps">The sequence parameter set NAL unit, header byte included.</param>
        /// <param name="pps">The picture parameter set NAL unit.</param>
        /// <param name="port">The m= line's port: 0 when RTSP SETUP chooses transport, the receiver's port in a plain SDP file.</param>
        /// <param name="control">The a=control URL of the track (relative, e.g. "trackID=0"), or null.</param>
        public static string Write(byte payloadType, byte[] sps, byte[] pps, int port = 0, string? control = null)
        {
            if (payloadType < 96 || payloadType > 127)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "H.264 takes a dynamic payload type, 96–127.");
            }

            if (sps == null || sps.Length < 4 || (sps[0] & 0x1F) != 7)
            {
                throw new ArgumentException("An SPS is a type 7 NAL unit of at least 4 bytes (header, profile, constraints, level).", nameof(sps));
            }

            if (pps == null || pps.Length < 1 || (pps[0] & 0x1F) != 8)
            {
                throw new ArgumentException("A PPS is a type 8 NAL unit.", nameof(pps));
            }

            if (control != null && (control.Length == 0 || control.IndexOf(' ') >= 0 || !Messages.RtspSyntax.IsFieldValue(control)))
            {
                throw new ArgumentException("A control URL is one word of printable characters.", nameof(control));
            }

            var text = new StringBuilder();
            text.Append("m=video ").Append(port.ToString(CultureInfo.InvariantCulture)).Append(" RTP/AVP ").Append(payloadType.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            text.Append("a=rtpmap:").Append(payloadType.ToString(CultureInfo.InvariantCulture)).Append(" H264/90000\r\n");
            text.Append("a=fmtp:").Append(payloadType.ToString(CultureInfo.InvariantCulture))
                .Append(" packetization-mode=1;profile-level-id=").Append(sps[1].ToString("X2", CultureInfo.InvariantCulture)).Append(sps[2].ToString("X2", CultureInfo.InvariantCulture)).Append(sps[3].ToString("X2", CultureInfo.InvariantCulture))
                .Append(";sprop-parameter-sets=").Append(Convert.ToBase64String(sps)).Append(',').Append(Convert.ToBase64String(pps)).Append("\r\n");
            if (control != null)
            {
                text.Append("a=control:").Append(control).Append("\r\n");
            }

            return text.ToString();
        }
    }
}
