using System;
using System.Globalization;

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
            SdpMediaLines.Require(sps, 7, n => n[0] & 0x1F, 4, "SPS");
            SdpMediaLines.Require(pps, 8, n => n[0] & 0x1F, 1, "PPS");
            var text = SdpMediaLines.Begin("video", payloadType, "H264/90000", port);
            text.Append("a=fmtp:").Append(payloadType.ToString(CultureInfo.InvariantCulture))
                .Append(" packetization-mode=1;profile-level-id=").Append(sps[1].ToString("X2", CultureInfo.InvariantCulture)).Append(sps[2].ToString("X2", CultureInfo.InvariantCulture)).Append(sps[3].ToString("X2", CultureInfo.InvariantCulture))
                .Append(";sprop-parameter-sets=").Append(Convert.ToBase64String(sps)).Append(',').Append(Convert.ToBase64String(pps)).Append("\r\n");
            return SdpMediaLines.End(text, control);
        }
    }
}
