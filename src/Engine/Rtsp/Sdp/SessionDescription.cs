using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>
    /// A whole SDP document (RFC 4566) for one path: the session lines, then the media sections
    /// (from <see cref="H264MediaDescription"/>, <see cref="H265MediaDescription"/>,
    /// <see cref="AacMediaDescription"/>) in track order. For DESCRIBE the connection address is
    /// 0.0.0.0 and the ports 0, since SETUP chooses the transport (RFC 2326 C.1.7); a plain SDP
    /// file for an RTP receiver names its address and ports instead.
    /// </summary>
    public static class SessionDescription
    {
        /// <summary>The document, lines ended by CRLF.</summary>
        /// <param name="name">The session name (s=): the path, e.g. "live/cam1".</param>
        /// <param name="sessionId">The o= session id, unique per path and server start.</param>
        /// <param name="media">The media sections, each as written by a media description.</param>
        /// <param name="connectionAddress">The c= address: 0.0.0.0 for DESCRIBE, the receiver's for a plain SDP file.</param>
        /// <param name="live">True for a live stream (a=range:npt=0- with no end), false when the length is unknown or not said.</param>
        public static string Write(string name, ulong sessionId, IReadOnlyList<string> media, string connectionAddress = "0.0.0.0", bool live = true)
        {
            if (string.IsNullOrEmpty(name) || !Messages.RtspSyntax.IsFieldValue(name))
            {
                throw new ArgumentException("A session name is printable text.", nameof(name));
            }

            if (media == null || media.Count == 0)
            {
                throw new ArgumentException("A session has at least one media section.", nameof(media));
            }

            if (!System.Net.IPAddress.TryParse(connectionAddress, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                throw new ArgumentException("The connection address is an IPv4 address.", nameof(connectionAddress));
            }

            var id = sessionId.ToString(CultureInfo.InvariantCulture);
            var text = new StringBuilder()
                .Append("v=0\r\n")
                .Append("o=- ").Append(id).Append(' ').Append(id).Append(" IN IP4 ").Append(connectionAddress).Append("\r\n")
                .Append("s=").Append(name).Append("\r\n")
                .Append("c=IN IP4 ").Append(connectionAddress).Append("\r\n")
                .Append("t=0 0\r\n")
                .Append("a=tool:rtmpx\r\n");
            if (live)
            {
                text.Append("a=range:npt=0-\r\n");
            }

            foreach (var section in media)
            {
                if (section == null || !section.StartsWith("m=", StringComparison.Ordinal) || !section.EndsWith("\r\n", StringComparison.Ordinal))
                {
                    throw new ArgumentException("A media section starts with m= and ends with CRLF.", nameof(media));
                }

                text.Append(section);
            }

            return text.ToString();
        }
    }
}
