using System.Collections.Generic;
using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>One stream the server sends on: a source to one or more RTMP(S) destinations.</summary>
    public sealed class StreamSection
    {
        /// <summary>Unique name, used by `rtmpx stream` and the status API.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>An rtmp:// or rtmps:// URL, a path of the local ingest server, or an .flv or .mp4 file.</summary>
        [JsonPropertyName("source")]
        public string? Source { get; set; }

        /// <summary>Where the frames go.</summary>
        [JsonPropertyName("destinations")]
        public List<StreamDestinationSection> Destinations { get; set; } = new List<StreamDestinationSection>();

        /// <summary>A disabled stream is kept but not run.</summary>
        [JsonPropertyName("enabled")]
        public bool Enabled { get; set; } = true;

        /// <summary>What is sent as audio.</summary>
        [JsonPropertyName("audio")]
        public AudioMode Audio { get; set; } = AudioMode.Auto;

        /// <summary>Which video is sent on.</summary>
        [JsonPropertyName("video")]
        public VideoCodecPolicy Video { get; set; } = VideoCodecPolicy.Passthrough;
    }
}
