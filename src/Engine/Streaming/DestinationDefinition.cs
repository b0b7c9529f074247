namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>One RTMP(S) server a stream is sent to.</summary>
    public sealed class DestinationDefinition
    {
        /// <summary>
        /// The rtmp:// or rtmps:// URL with its stream key (rtmp://a.rtmp.youtube.com/live2/KEY): a
        /// secret, shown only through <see cref="Shown"/>.
        /// </summary>
        public string Url { get; set; } = string.Empty;

        /// <summary>Accept a certificate that does not validate (self-signed test servers); off by default.</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>
        /// The URL fit for logs and status: scheme, host, port and application; the stream name and
        /// any query masked, since for YouTube and Twitch the stream name is the key.
        /// </summary>
        public string Shown => Mask(Url);

        /// <summary>Masks the stream name and queries of an RTMP URL (see <see cref="Shown"/>).</summary>
        public static string Mask(string url)
        {
            if (!Rtmp.RtmpUrl.TryParse(url, out var parsed, out _) || parsed == null)
            {
                return "(invalid URL)";
            }

            return parsed.ToStringWithoutStreamName();
        }
    }
}
