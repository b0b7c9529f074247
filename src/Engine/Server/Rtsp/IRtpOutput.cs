using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server.Rtsp
{
    /// <summary>Where an RTSP player's packets go: interleaved on its RTSP connection, or UDP to its ports.</summary>
    internal interface IRtpOutput
    {
        /// <summary>Bytes waiting to go out: how far behind the player is.</summary>
        long QueuedBytes { get; }

        /// <summary>
        /// Sends one RTP or RTCP packet of a track. The packet has <see cref="RtmpXProtect.Engine.Rtsp.Session.RtpFrame.Headroom"/>
        /// bytes in front, filled with the interleaved header for the track's default channel, and
        /// must not change afterwards (other players send it too).
        /// </summary>
        void Send(int track, byte[] packet, bool rtcp, bool flush);

        /// <summary>Closes the player that cannot keep up.</summary>
        void TooSlow(string detail);

        /// <summary>
        /// The stream it plays has ended: <paramref name="goodbye"/> (each track's last sender report
        /// and BYE) goes out after the media sent before it, and the session ends.
        /// </summary>
        void End(string reason, IReadOnlyList<(int Track, byte[] Packet)> goodbye);
    }
}
