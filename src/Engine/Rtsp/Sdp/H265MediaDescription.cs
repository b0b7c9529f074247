using System;
using System.Globalization;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>
    /// The SDP media section of an H.265 stream (RFC 7798 §7.1, §7.2): rtpmap at 90 kHz, and an
    /// fmtp with the sprop-vps, sprop-sps and sprop-pps a player decodes from before the first
    /// in-band parameter sets arrive.
    /// </summary>
    public static class H265MediaDescription
    {
        /// <summary>The media lines, each ended by CRLF.</summary>
        /// <param name="payloadType">The dynamic payload type (96–127).</param>
        /// <param name="vps">The video parameter set NAL unit, its 2-byte header included.</param>
        /// <param name="sps">The sequence parameter set NAL unit.</param>
        /// <param name="pps">The picture parameter set NAL unit.</param>
        /// <param name="port">The m= line's port: 0 when RTSP SETUP chooses transport, the receiver's port in a plain SDP file.</param>
        /// <param name="control">The a=control URL of the track (relative, e.g. "trackID=0"), or null.</param>
        public static string Write(byte payloadType, byte[] vps, byte[] sps, byte[] pps, int port = 0, string? control = null)
        {
            static int TypeOf(byte[] nal) => (nal[0] >> 1) & 0x3F;
            SdpMediaLines.Require(vps, 32, TypeOf, 3, "VPS");
            SdpMediaLines.Require(sps, 33, TypeOf, 3, "SPS");
            SdpMediaLines.Require(pps, 34, TypeOf, 3, "PPS");
            var text = SdpMediaLines.Begin("video", payloadType, "H265/90000", port);
            text.Append("a=fmtp:").Append(payloadType.ToString(CultureInfo.InvariantCulture))
                .Append(" sprop-vps=").Append(Convert.ToBase64String(vps))
                .Append(";sprop-sps=").Append(Convert.ToBase64String(sps))
                .Append(";sprop-pps=").Append(Convert.ToBase64String(pps)).Append("\r\n");
            return SdpMediaLines.End(text, control);
        }
    }
}
