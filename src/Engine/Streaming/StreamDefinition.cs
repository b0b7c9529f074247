using System.Collections.Generic;

namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>One stream to run: a source sent to one or more destinations.</summary>
    public sealed class StreamDefinition
    {
        /// <summary>Unique name, used by `rtmpx stream` and the cmdlets.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>
        /// Where the frames come from: an rtmp:// or rtmps:// URL, a path of the local ingest
        /// server, an .flv or .mp4 file (looped), or a GenericByteData stream.
        /// </summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>
        /// <see cref="Source"/> fit for output: an rtmp(s):// source with its query masked (a play key
        /// rides there), other forms as they are.
        /// </summary>
        public string ShownSource => Rtmp.RtmpUrl.TryParse(Source, out var url, out _) && url != null ? url.ToString() : Source;

        /// <summary>Where the frames go; each has its own connection and state.</summary>
        public List<DestinationDefinition> Destinations { get; set; } = new List<DestinationDefinition>();

        /// <summary>A disabled stream is kept in the configuration but not run.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>What is sent as audio.</summary>
        public AudioMode Audio { get; set; } = AudioMode.Auto;

        /// <summary>Which video is sent on.</summary>
        public VideoCodecPolicy Video { get; set; } = VideoCodecPolicy.Passthrough;
    }
}
