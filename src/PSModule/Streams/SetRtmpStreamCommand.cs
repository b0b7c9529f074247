using System.Management.Automation;
using System.Security;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>Set-RtmpStream: changes a configured stream (rtmpx stream set); only the parameters given change.</summary>
    [Cmdlet(VerbsCommon.Set, "RtmpStream", SupportsShouldProcess = true, DefaultParameterSetName = KeySet)]
    [OutputType(typeof(RtmpStreamInfo))]
    public sealed class SetRtmpStreamCommand : StreamCmdlet
    {
        private const string KeySet = "DestinationAndKey";
        private const string UrlSet = "DestinationUrl";

        /// <summary>The stream to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StreamNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>A new source.</summary>
        [Parameter]
        public string? Source { get; set; }

        /// <summary>A new destination server and application (with -StreamKey); replaces the destinations.</summary>
        [Parameter(ParameterSetName = KeySet)]
        public string? Destination { get; set; }

        /// <summary>The key of the new -Destination.</summary>
        [Parameter(ParameterSetName = KeySet)]
        public SecureString? StreamKey { get; set; }

        /// <summary>A whole new destination URL with its key; replaces the destinations.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet)]
        public SecureString? DestinationUrl { get; set; }

        /// <summary>
        /// Accept destination certificates that do not validate: for the new destination when one is
        /// given, else for every destination the stream has (-AllowUntrustedCertificate:$false refuses
        /// them again), as `rtmpx stream set --allow-untrusted` does.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowUntrustedCertificate { get; set; }

        /// <summary>What is sent as audio.</summary>
        [Parameter]
        public AudioMode Audio { get; set; }

        /// <summary>Which video is sent on.</summary>
        [Parameter]
        public VideoCodecPolicy Video { get; set; }

        /// <summary>Applies the change to one stream per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (Destination != null ^ StreamKey != null)
            {
                Report(new PSArgumentException("-Destination and -StreamKey go together."), "DestinationIncomplete", ErrorCategory.InvalidArgument, Name);
                return;
            }

            if (!ShouldProcess(Name, "Change RTMP stream"))
            {
                return;
            }

            var bound = MyInvocation.BoundParameters;
            var destination = DestinationInput.From(Destination, StreamKey, DestinationUrl, AllowUntrustedCertificate);
            Edit(Name, "StreamNotChanged", ErrorCategory.InvalidArgument, store => store.Update(Name, stream =>
            {
                if (Source != null)
                {
                    stream.Source = Source;
                }

                if (bound.ContainsKey(nameof(Audio)))
                {
                    stream.Audio = Audio;
                }

                if (bound.ContainsKey(nameof(Video)))
                {
                    stream.Video = Video;
                }

                if (destination != null)
                {
                    stream.Destinations.Clear();
                    stream.Destinations.Add(destination);
                }
                else if (bound.ContainsKey(nameof(AllowUntrustedCertificate)))
                {
                    foreach (var existing in stream.Destinations)
                    {
                        existing.AllowUntrustedCertificate = AllowUntrustedCertificate;
                    }
                }
            }));
        }
    }
}
