using System.Management.Automation;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>Start-RtmpStream: enables a stream (rtmpx stream start); a running rtmpx serve reloads the file and starts only that stream.</summary>
    [Cmdlet(VerbsLifecycle.Start, "RtmpStream", SupportsShouldProcess = true)]
    [OutputType(typeof(RtmpStreamInfo))]
    public sealed class StartRtmpStreamCommand : StreamCmdlet
    {
        /// <summary>The stream to be started.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StreamNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>Changes one stream per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Enable (start) RTMP stream"))
            {
                return;
            }

            Edit(Name, "StreamNotFound", ErrorCategory.ObjectNotFound, store => store.SetEnabled(Name, true));
        }
    }
}
