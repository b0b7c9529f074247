using System.Management.Automation;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Ingest
{
    /// <summary>Stop-RtmpIngest: stops an in-process ingest (what Ctrl+C or SIGTERM does to `rtmpx serve`).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "RtmpIngest", SupportsShouldProcess = true, DefaultParameterSetName = HostSet)]
    [OutputType(typeof(void))]
    public sealed class StopRtmpIngestCommand : RtmpCmdlet
    {
        private const string HostSet = "Ingest";
        private const string AllSet = "All";

        /// <summary>The ingest(s) to stop, as Start-RtmpIngest or Get-RtmpIngest returned them.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = HostSet)]
        [Alias("Host")]
        public IngestHost[] Ingest { get; set; } = new IngestHost[0];

        /// <summary>Stop every ingest this session started.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Stops each ingest given; its publishers and players are disconnected.</summary>
        protected override void ProcessRecord()
        {
            foreach (var host in All ? IngestSessions.All() : Ingest)
            {
                if (!ShouldProcess(host.Endpoint.ToString(), "Stop RTMP ingest"))
                {
                    continue;
                }

                Await(host.StopAsync());
                IngestSessions.Remove(host);
            }
        }
    }
}
