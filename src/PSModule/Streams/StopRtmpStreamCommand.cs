using System.Management.Automation;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>Stop-RtmpStream: disables a stream (rtmpx stream stop); a running rtmpx serve reloads the file and stops only that stream.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "RtmpStream", SupportsShouldProcess = true)]
    [OutputType(typeof(RtmpStreamInfo))]
    public sealed class StopRtmpStreamCommand : StreamCmdlet
    {
        /// <summary>The stream to be stopped.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StreamNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>Changes one stream per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Disable (stop) RTMP stream"))
            {
                return;
            }

            Edit(Name, "StreamNotFound", ErrorCategory.ObjectNotFound, store => store.SetEnabled(Name, false));
        }
    }
}
