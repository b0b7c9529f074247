using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// One published frame as RTP packets, made once per publish and sent as they are to every
    /// RTSP player: each packet keeps 4 bytes in front for the interleaved frame header, already
    /// written for the track's default channel (2 × track index), so a TCP player sends it whole
    /// and a UDP player sends what follows.
    /// </summary>
    public sealed class RtpFrame
    {
        internal RtpFrame(RtspTrack track, uint rtpTimestamp, DateTime wallClock, bool isKeyFrame, IReadOnlyList<byte[]> packets, long payloadBytes)
        {
            Track = track;
            RtpTimestamp = rtpTimestamp;
            WallClock = wallClock;
            IsKeyFrame = isKeyFrame;
            Packets = packets;
            PayloadBytes = payloadBytes;
        }

        /// <summary>Bytes in front of each packet's RTP header.</summary>
        public const int Headroom = 4;

        /// <summary>The track the packets belong to.</summary>
        public RtspTrack Track { get; }

        /// <summary>The RTP timestamp of the frame (its presentation time in the track's clock).</summary>
        public uint RtpTimestamp { get; }

        /// <summary>
        /// The wall-clock time the frame is shown at, on one clock for every track of the publish:
        /// what a sender report pairs with <see cref="RtpTimestamp"/> so players line tracks up.
        /// </summary>
        public DateTime WallClock { get; }

        /// <summary>A video key frame: where a player may start or resume.</summary>
        public bool IsKeyFrame { get; }

        /// <summary>The packets, each with <see cref="Headroom"/> bytes in front.</summary>
        public IReadOnlyList<byte[]> Packets { get; }

        /// <summary>RTP payload bytes of all packets (what a sender report counts).</summary>
        public long PayloadBytes { get; }
    }
}
