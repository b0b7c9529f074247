using System;
using System.Management.Automation;
using System.Security;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;

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

        /// <summary>Where the frames come from: rtmp(s) URL, local ingest path, .flv file or gbd: source.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string? Source { get; set; }

        /// <summary>
        /// The XProtect camera the stream is for (Get-VmsCamera's Id). Kept for the XProtect source to
        /// come; today the stream still needs -Source, since the engine has no camera source yet.
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
            if (string.IsNullOrEmpty(Source))
            {
                // No XProtect camera source exists in the engine yet: a camera id alone cannot feed a stream.
                var why = CameraId.HasValue
                    ? $"Stream '{Name}': camera {CameraId} has no RTMP source yet (XProtect camera sources are not supported); pass -Source."
                    : $"Stream '{Name}': -Source is required.";
                Report(new ArgumentException(why), "SourceRequired", ErrorCategory.InvalidArgument, Name);
                return;
            }

            if (!ShouldProcess(Name, "Add RTMP stream"))
            {
                return;
            }

            var definition = new StreamDefinition
            {
                Name = Name,
                Source = Source!,
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
