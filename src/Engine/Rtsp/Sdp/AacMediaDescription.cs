using System;
using System.Globalization;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>
    /// The SDP media section of an AAC stream as RFC 3640 AAC-hbr (§3.3.6): MPEG4-GENERIC at the
    /// sample rate, 13-bit AU sizes and 3-bit indexes, and the AudioSpecificConfig as hex.
    /// </summary>
    public static class AacMediaDescription
    {
        /// <summary>The media lines, each ended by CRLF.</summary>
        /// <param name="payloadType">The dynamic payload type (96–127).</param>
        /// <param name="audioSpecificConfig">The decoder configuration (ISO 14496-3 §1.6.2.1), as in FLV's sequence header.</param>
        /// <param name="port">The m= line's port: 0 when RTSP SETUP chooses transport, the receiver's port in a plain SDP file.</param>
        /// <param name="control">The a=control URL of the track, or null.</param>
        /// <exception cref="MediaFormatException">The configuration does not parse.</exception>
        public static string Write(byte payloadType, byte[] audioSpecificConfig, int port = 0, string? control = null)
        {
            var config = AudioSpecificConfig.Parse(audioSpecificConfig);
            var encoding = "MPEG4-GENERIC/" + config.SampleRate.ToString(CultureInfo.InvariantCulture) + "/" + config.ChannelCount.ToString(CultureInfo.InvariantCulture);
            var text = SdpMediaLines.Begin("audio", payloadType, encoding, port);
            text.Append("a=fmtp:").Append(payloadType.ToString(CultureInfo.InvariantCulture))
                .Append(" streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=")
                .Append(BitConverter.ToString(audioSpecificConfig).Replace("-", string.Empty)).Append("\r\n");
            return SdpMediaLines.End(text, control);
        }
    }
}
