using System.Collections.Generic;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.Management.Streams
{
    /// <summary>
    /// RtmpXProtect/Stream: a stream an instance sends on to RTMP(S) destinations (streams in its
    /// rtmpx.json). Destination URLs hold stream keys: given as url they are stored in the instance's
    /// secrets/ and never shown; urlFile and urlEnv name where they are kept instead.
    /// </summary>
    public sealed class StreamResource
    {
        /// <summary>The resource type name.</summary>
        public const string TypeName = "RtmpXProtect/Stream";

        /// <summary>What the resource manages, for its schema.</summary>
        public const string Description = "A stream an rtmpx instance sends on to RTMP(S) destinations (YouTube, Twitch, any RTMP server), from its own ingest, an RTMP(S) URL or a file.";

        /// <summary>The instance.</summary>
        [ResourceProperty("instance", "The instance (RtmpXProtect/Instance name) that runs the stream.", Key = true, Pattern = InstanceRegistry.NamePattern, Form = InstanceResource.NameForm)]
        public string? Instance { get; set; }

        /// <summary>The stream's name.</summary>
        [ResourceProperty("name", "The stream's name, unique in its instance (1–64 letters, digits, '-', '_' or '.').", Key = true, Pattern = "^[A-Za-z0-9_.-]{1,64}$", Form = "a stream name (1–64 letters, digits, '-', '_' or '.')")]
        public string? Name { get; set; }

        /// <summary>Whether the stream should exist.</summary>
        [ResourceProperty("_exist", "Whether the stream should exist; false removes it and its stored URLs.")]
        public bool? Exist { get; set; }

        /// <summary>Where the frames come from.</summary>
        [ResourceProperty("source", "Where the frames come from: a path of the instance (ingest:live/cam1), an rtmp(s):// URL, an .flv or .mp4 file (looped) or a GenericByteData recording (gbd:FILE). Required to create the stream.")]
        public string? Source { get; set; }

        /// <summary>Where the stream is sent.</summary>
        [ResourceProperty("destinations", "Where the stream is sent, each with exactly one of url (stored in secrets/, never shown), urlFile or urlEnv. Required to create the stream.")]
        public List<StreamDestinationResource>? Destinations { get; set; }

        /// <summary>Whether the instance runs it.</summary>
        [ResourceProperty("enabled", "Whether the instance runs the stream. Default true.")]
        public bool? Enabled { get; set; }

        /// <summary>What is sent as audio.</summary>
        [ResourceProperty("audio", "auto (the source's audio, else silent AAC), passthrough, silent or none. Default auto.")]
        public AudioMode? Audio { get; set; }

        /// <summary>Which video is sent.</summary>
        [ResourceProperty("video", "passthrough (H.264, H.265 as Enhanced RTMP) or requireH264. Default passthrough.")]
        public VideoCodecPolicy? Video { get; set; }

        /// <summary>Set by test.</summary>
        [ResourceProperty("_inDesiredState", "Whether the stream is in the desired state (test only).", ReadOnly = true)]
        public bool? InDesiredState { get; set; }
    }
}
