using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Tools
{
    /// <summary>New-RtmpCertificate: a self-signed PFX for RTMPS test servers, on any OS (rtmpx cert new).</summary>
    [Cmdlet(VerbsCommon.New, "RtmpCertificate", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class NewRtmpCertificateCommand : RtmpCmdlet
    {
        /// <summary>The PFX file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = string.Empty;

        /// <summary>Host names the certificate is for; localhost and this computer's name when omitted.</summary>
        [Parameter]
        public string[]? DnsName { get; set; }

        /// <summary>IP addresses the certificate is for (clients connecting by address check them).</summary>
        [Parameter]
        public IPAddress[]? IPAddress { get; set; }

        /// <summary>The PFX password; none when omitted.</summary>
        [Parameter]
        public SecureString? Password { get; set; }

        /// <summary>How many days the certificate is valid.</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int ValidDays { get; set; } = 365;

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the PFX and returns the file.</summary>
        protected override void EndProcessing()
        {
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            if (File.Exists(file) && !Force)
            {
                Fail(new IOException($"{file} exists; -Force overwrites it."), "CertificateFileExists", ErrorCategory.ResourceExists, file);
            }

            if (!ShouldProcess(file, "Write self-signed RTMPS certificate"))
            {
                return;
            }

            var names = DnsName ?? new[] { "localhost", Environment.MachineName };
            var pfx = SelfSignedCertificates.CreatePfx(
                names.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                IPAddress ?? Array.Empty<IPAddress>(),
                TimeSpan.FromDays(ValidDays),
                Password == null ? null : Secrets.Reveal(Password));
            File.WriteAllBytes(file, pfx);
            WriteObject(new FileInfo(file));
        }
    }
}
