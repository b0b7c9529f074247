using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>One media section of an SDP document as a publisher's ANNOUNCE describes it.</summary>
    public sealed class SdpMedia
    {
        internal SdpMedia(string kind, int payloadType)
        {
            Kind = kind;
            PayloadType = payloadType;
        }

        /// <summary>"video", "audio" or another media type.</summary>
        public string Kind { get; }

        /// <summary>The first payload type of the m= line.</summary>
        public int PayloadType { get; }

        /// <summary>The rtpmap encoding name in upper case ("H264", "H265", "MPEG4-GENERIC"), empty when none.</summary>
        public string Encoding { get; internal set; } = string.Empty;

        /// <summary>The rtpmap clock rate, 0 when none.</summary>
        public int ClockRate { get; internal set; }

        /// <summary>The fmtp parameters of the payload type, names in lower case.</summary>
        public IReadOnlyDictionary<string, string> Format { get; internal set; } = new Dictionary<string, string>();

        /// <summary>The a=control value, or null.</summary>
        public string? Control { get; internal set; }
    }
}
