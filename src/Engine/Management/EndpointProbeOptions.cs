using System;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>How <see cref="EndpointProbe"/> probes: Test-RtmpEndpoint's and `rtmpx probe`'s switches.</summary>
    public sealed class EndpointProbeOptions
    {
        /// <summary>For the whole probe, DNS to connect; a server that stalls fails at the step it stalled in.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Go on past a certificate that does not validate (self-signed test servers). The errors are
        /// reported either way, so the probe still says why a real client would refuse.
        /// </summary>
        public bool AllowUntrustedCertificate { get; set; }
    }
}
