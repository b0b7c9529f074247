using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.PSModule.Tools
{
    /// <summary>
    /// Test-RtmpEndpoint: DNS, TCP, TLS, RTMP handshake and connect against any RTMP(S) URL (rtmpx probe),
    /// with timings and what the server said; never publishes or plays.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "RtmpEndpoint")]
    [OutputType(typeof(EndpointProbeResult))]
    public sealed class TestRtmpEndpointCommand : RtmpCmdlet
    {
        // How often the progress bar moves while the probe runs on the engine's threads.
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

        /// <summary>The rtmp:// or rtmps:// URL to probe; a stream key in it is masked in the result.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Url { get; set; } = string.Empty;

        /// <summary>Accept a certificate that does not validate; its errors are still reported.</summary>
        [Parameter]
        public SwitchParameter AllowUntrustedCertificate { get; set; }

        /// <summary>The whole probe's time limit.</summary>
        [Parameter]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Probes one URL per pipeline item and writes its result, succeeded or not.</summary>
        protected override void ProcessRecord()
        {
            var shown = DestinationDefinition.Mask(Url);
            var options = new EndpointProbeOptions { Timeout = Timeout, AllowUntrustedCertificate = AllowUntrustedCertificate };
            var probe = EndpointProbe.ProbeAsync(Url, options, Cancellation);
            var progress = new ProgressRecord(1, $"Test-RtmpEndpoint {shown}", "dns, tcp, tls, handshake, connect");
            var clock = Stopwatch.StartNew();

            // Write-Progress must come from the pipeline thread: it waits here while the probe runs.
            while (!probe.IsCompleted)
            {
                Task.WhenAny(probe, Task.Delay(ProgressInterval)).GetAwaiter().GetResult();
                progress.PercentComplete = (int)Math.Min(99, 100 * clock.Elapsed.TotalMilliseconds / Timeout.TotalMilliseconds);
                progress.StatusDescription = $"waiting for {shown} ({clock.Elapsed.TotalSeconds:0.0} s)";
                WriteProgress(progress);
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            EndpointProbeResult result;
            try
            {
                result = Await(probe);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var step in result.Steps())
            {
                WriteVerbose($"{step.Key}: {step.Value.TotalMilliseconds:0.0} ms");
            }

            WriteObject(result);
        }
    }
}
