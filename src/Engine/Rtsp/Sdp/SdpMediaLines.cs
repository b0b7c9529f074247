using System;
using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>The lines every media section starts and ends with (RFC 4566 §5.14, RFC 2326 C.1.1), checked.</summary>
    internal static class SdpMediaLines
    {
        /// <summary>m= and a=rtpmap: <paramref name="media"/> "video" or "audio", <paramref name="encoding"/> such as "H264/90000".</summary>
        public static StringBuilder Begin(string media, byte payloadType, string encoding, int port)
        {
            if (payloadType < 96 || payloadType > 127)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, $"{encoding} takes a dynamic payload type, 96–127.");
            }

            if (port < 0 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0–65535.");
            }

            var pt = payloadType.ToString(CultureInfo.InvariantCulture);
            return new StringBuilder()
                .Append("m=").Append(media).Append(' ').Append(port.ToString(CultureInfo.InvariantCulture)).Append(" RTP/AVP ").Append(pt).Append("\r\n")
                .Append("a=rtpmap:").Append(pt).Append(' ').Append(encoding).Append("\r\n");
        }

        /// <summary>a=control, when there is one, and the section as text.</summary>
        public static string End(StringBuilder text, string? control)
        {
            if (control != null)
            {
                if (control.Length == 0 || control.IndexOf(' ') >= 0 || !Messages.RtspSyntax.IsFieldValue(control))
                {
                    throw new ArgumentException("A control URL is one word of printable characters.", nameof(control));
                }

                text.Append("a=control:").Append(control).Append("\r\n");
            }

            return text.ToString();
        }

        /// <summary>Checks that <paramref name="nal"/> is a NAL unit of <paramref name="type"/> with at least <paramref name="minimum"/> bytes.</summary>
        public static void Require(byte[]? nal, int type, Func<byte[], int> typeOf, int minimum, string name)
        {
            if (nal == null || nal.Length < minimum || typeOf(nal) != type)
            {
                throw new ArgumentException($"The {name} is a type {type} NAL unit of at least {minimum} bytes.", name.ToLowerInvariant());
            }
        }
    }
}
