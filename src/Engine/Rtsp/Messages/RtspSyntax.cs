namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>The character classes of RTSP's grammar (RFC 2326 §15, by way of RFC 2616 §2.2).</summary>
    internal static class RtspSyntax
    {
        public const string Version = "RTSP/1.0";

        /// <summary>A method or header name: one or more characters that are neither controls nor separators.</summary>
        public static bool IsToken(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            foreach (var c in text!)
            {
                if (c <= 0x20 || c >= 0x7F || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A header value, a reason phrase or a request URI: no control character but tab.</summary>
        public static bool IsFieldValue(string text)
        {
            foreach (var c in text)
            {
                if ((c < 0x20 && c != '\t') || c == 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
