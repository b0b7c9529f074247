using System;
using System.Management.Automation;
using System.Security;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>
    /// New-RtmpStream: adds a stream to rtmpx.json (rtmpx stream add). Binds Name and Id from
    /// Get-VmsCamera by property name, so a camera names its stream.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RtmpStream", SupportsShouldProcess = true, DefaultParameterSetName = KeySet)]
    [OutputType(typeof(RtmpStreamInfo))]
    public sealed class NewRtmpStreamCommand : StreamCmdlet
    {
        private const string KeySet = "DestinationAndKey";
        private const string UrlSet = "DestinationUrl";

        /// <summary>The stream's unique name; a camera's Name when piped from Get-VmsCamera.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CameraName")]
        public string Name { get; set; } = string.Empty;

        /// <summary>Where the frames come from: rtmp(s) URL, local ingest path, xprotect:CAMERA, .flv file or gbd: source; the piped camera when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string? Source { get; set; }

        /// <summary>
        /// The XProtect camera the stream is for (Get-VmsCamera's Id). Without -Source the camera is
        /// the source (xprotect:ID), read from the site in the configuration's xprotect section.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public Guid? CameraId { get; set; }

        /// <summary>The destination server and application, without the key: rtmps://host/app.</summary>
        [Parameter(Mandatory = true, ParameterSetName = KeySet)]
        public string Destination { get; set; } = string.Empty;

        /// <summary>The destination's stream key, kept out of the console and history.</summary>
        [Parameter(Mandatory = true, ParameterSetName = KeySet)]
        public SecureString? StreamKey { get; set; }

        /// <summary>A whole destination URL with its key, for servers whose key is not the last path segment.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet)]
        public SecureString? DestinationUrl { get; set; }

        /// <summary>Accept a destination certificate that does not validate (self-signed test servers).</summary>
        [Parameter]
        public SwitchParameter AllowUntrustedCertificate { get; set; }

        /// <summary>What is sent as audio.</summary>
        [Parameter]
        public AudioMode Audio { get; set; } = AudioMode.Auto;

        /// <summary>Which video is sent on.</summary>
        [Parameter]
        public VideoCodecPolicy Video { get; set; } = VideoCodecPolicy.Passthrough;

        /// <summary>Store the stream without running it until Start-RtmpStream.</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        /// <summary>Adds one stream per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            var source = string.IsNullOrEmpty(Source) && CameraId.HasValue ? FrameSources.XProtectPrefix + CameraId.Value.ToString("D") : Source;
            if (string.IsNullOrEmpty(source))
            {
                Report(new ArgumentException($"Stream '{Name}': -Source is required (or a camera's -CameraId)."), "SourceRequired", ErrorCategory.InvalidArgument, Name);
                return;
            }

            if (!ShouldProcess(Name, "Add RTMP stream"))
            {
                return;
            }

            var definition = new StreamDefinition
            {
                Name = Name,
                Source = source!,
                Enabled = !Disabled,
                Audio = Audio,
                Video = Video,
            };
            var destination = DestinationInput.From(Destination, StreamKey, DestinationUrl, AllowUntrustedCertificate);
            if (destination != null)
            {
                definition.Destinations.Add(destination);
            }

            Edit(Name, "StreamNotAdded", ErrorCategory.InvalidArgument, store => store.Add(definition));
        }
    }
}
