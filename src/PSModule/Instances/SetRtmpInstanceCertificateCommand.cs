using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using RtmpXProtect.Engine.Management.Certificates;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>
    /// Set-RtmpInstanceCertificate: makes, renews or installs an instance's RTMPS certificate (rtmpx
    /// instance cert; the RtmpXProtect/Certificate resource); the running instance restarts only its TLS listener.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RtmpInstanceCertificate", SupportsShouldProcess = true, DefaultParameterSetName = SelfSignedSet)]
    [OutputType(typeof(CertificateResource))]
    public sealed class SetRtmpInstanceCertificateCommand : InstanceCmdlet
    {
        private const string SelfSignedSet = "SelfSigned";
        private const string PfxSet = "Pfx";

        private static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
        {
            ["DnsName"] = "dnsNames", ["IPAddress"] = "ipAddresses", ["ValidDays"] = "validDays", ["RenewDaysBefore"] = "renewDaysBefore", ["PfxPath"] = "pfxPath", ["Password"] = "password", ["Store"] = "store",
        };

        /// <summary>The instance; Get-RtmpInstance's output binds by its Name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Instance { get; set; } = string.Empty;

        /// <summary>Host names of a self-signed certificate; the first is its subject.</summary>
        [Parameter(ParameterSetName = SelfSignedSet)]
        public string[]? DnsName { get; set; }

        /// <summary>IP addresses of a self-signed certificate.</summary>
        [Parameter(ParameterSetName = SelfSignedSet)]
        public string[]? IPAddress { get; set; }

        /// <summary>Days a self-signed certificate made now is valid.</summary>
        [Parameter(ParameterSetName = SelfSignedSet)]
        [ValidateRange(2, 3650)]
        public int ValidDays { get; set; } = 365;

        /// <summary>A self-signed certificate with fewer days left is renewed.</summary>
        [Parameter(ParameterSetName = SelfSignedSet)]
        [ValidateRange(0, 3649)]
        public int RenewDaysBefore { get; set; } = 30;

        /// <summary>A PFX (from a CA) to install instead.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PfxSet)]
        public string? PfxPath { get; set; }

        /// <summary>The PFX's password; it is not stored.</summary>
        [Parameter(ParameterSetName = PfxSet)]
        public SecureString? Password { get; set; }

        /// <summary>Also import it into LocalMachine\My (Windows).</summary>
        [Parameter]
        [ValidateSet("LocalMachine\\My")]
        public string? Store { get; set; }

        /// <summary>Sets the certificate of one instance per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Instance, "Set the RTMPS certificate of rtmpx instance"))
            {
                return;
            }

            // The source only when it is chosen: -ValidDays alone must not turn a CA's certificate into a self-signed one.
            var given = new List<string>(Given(Properties)) { "instance" };
            if (ParameterSetName == PfxSet || DnsName != null || IPAddress != null)
            {
                given.Add("source");
            }

            var desired = new CertificateResource
            {
                Instance = Instance,
                Source = ParameterSetName == PfxSet ? CertificateSource.Pfx : CertificateSource.SelfSigned,
                DnsNames = DnsName?.ToList(),
                IpAddresses = IPAddress?.ToList(),
                ValidDays = given.Contains("validDays") ? ValidDays : (int?)null,
                RenewDaysBefore = given.Contains("renewDaysBefore") ? RenewDaysBefore : (int?)null,
                PfxPath = PfxPath == null ? null : GetUnresolvedProviderPathFromPSPath(PfxPath),
                Password = Password == null ? null : Secrets.Reveal(Password),
                Store = Store,
            };
            Apply("CertificateNotSet", Instance, () => new CertificateOperations(Instances).Set(Desire(desired, given), Log));
        }
    }
}
