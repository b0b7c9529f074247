using System;
using System.Management.Automation;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Ingest
{
    /// <summary>
    /// Get-RtmpIngest: streams, publishers, players and bitrates of the ingests this session started,
    /// or with -Api of a running `rtmpx serve` (rtmpx status).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RtmpIngest", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(RtmpIngestInfo))]
    public sealed class GetRtmpIngestCommand : RtmpCmdlet
    {
        private const string SessionSet = "Session";
        private const string ApiSet = "Api";

        /// <summary>The ingest(s) to show; all of this session's when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = SessionSet)]
        [Alias("Host")]
        public IngestHost[]? Ingest { get; set; }

        /// <summary>The status API of a running `rtmpx serve`, e.g. http://127.0.0.1:1985.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiSet)]
        public Uri? Api { get; set; }

        /// <summary>Writes one summary per ingest.</summary>
        protected override void ProcessRecord()
        {
            if (Api != null)
            {
                FromApi(Api);
                return;
            }

            foreach (var host in Ingest ?? IngestSessions.All())
            {
                WriteObject(new RtmpIngestInfo(host.Endpoint.ToString(), host.Status(), host.Streams(), host));
            }
        }

        private void FromApi(Uri api)
        {
            try
            {
                using var client = new StatusApiClient(api);
                var status = Await(client.GetServerStatusAsync(Cancellation));
                var relays = Await(client.GetStreamsAsync(Cancellation));
                WriteObject(new RtmpIngestInfo(api.ToString(), status, relays, null));
            }
            catch (StatusApiException e)
            {
                Report(e, "ServerNotReachable", ErrorCategory.ConnectionError, api);
            }
        }
    }
}
