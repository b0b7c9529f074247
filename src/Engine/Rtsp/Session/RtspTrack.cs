namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>One RTP stream of a path as DESCRIBE shows it and SETUP picks it.</summary>
    public sealed class RtspTrack
    {
        internal RtspTrack(int index, bool isVideo, string codec, byte payloadType, int clockRate, uint ssrc, string sdp)
        {
            Index = index;
            IsVideo = isVideo;
            Codec = codec;
            PayloadType = payloadType;
            ClockRate = clockRate;
            Ssrc = ssrc;
            Sdp = sdp;
        }

        /// <summary>The position in the SDP, and the N of its control URL "trackID=N".</summary>
        public int Index { get; }

        /// <summary>Video (H.264, H.265) or audio (AAC).</summary>
        public bool IsVideo { get; }

        /// <summary>"H264", "H265" or "MPEG4-GENERIC".</summary>
        public string Codec { get; }

        /// <summary>The dynamic payload type of its packets.</summary>
        public byte PayloadType { get; }

        /// <summary>Its RTP clock: 90000 for video, the sample rate for audio.</summary>
        public int ClockRate { get; }

        /// <summary>The SSRC of its packets.</summary>
        public uint Ssrc { get; }

        /// <summary>Its SDP media section.</summary>
        public string Sdp { get; }

        /// <summary>The control attribute that names it in SETUP.</summary>
        public string Control => "trackID=" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
