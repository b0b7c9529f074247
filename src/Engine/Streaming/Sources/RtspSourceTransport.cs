namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>How an rtsp:// source's RTP reaches <see cref="RtspPullSource"/>.</summary>
    public enum RtspSourceTransport
    {
        /// <summary>
        /// Interleaved on the RTSP connection (RTP/AVP/TCP): it crosses firewalls and NAT and
        /// loses nothing, at the price of head-of-line blocking on a lossy link.
        /// </summary>
        Tcp,

        /// <summary>
        /// RTP/AVP over UDP to a port pair of this host (RFC 2326 §12.39): what some cameras only
        /// offer, and what keeps latency low on a lossy link; packets may be lost or reordered.
        /// </summary>
        Udp,
    }
}
