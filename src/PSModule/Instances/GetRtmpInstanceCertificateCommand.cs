using System.Management.Automation;
using RtmpXProtect.Engine.Management.Certificates;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Get-RtmpInstanceCertificate: an instance's RTMPS certificate: names, thumbprint, expiry, source.</summary>
    [Cmdlet(VerbsCommon.Get, "RtmpInstanceCertificate")]
    [OutputType(typeof(CertificateResource))]
    public sealed class GetRtmpInstanceCertificateCommand : InstanceCmdlet
    {
        /// <summary>The instance; Get-RtmpInstance's output binds by its Name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Instance { get; set; } = string.Empty;

        /// <summary>Writes the certificate; an instance without one is an error.</summary>
        protected override void ProcessRecord() => Apply("CertificateNotRead", Instance, () =>
        {
            var certificate = new CertificateOperations(Instances).Get(Instance);
            if (certificate.Exist == false)
            {
                Report(new ItemNotFoundException($"Instance '{Instance}' has no RTMPS certificate (or there is no such instance); Set-RtmpInstanceCertificate makes one."), "CertificateNotFound", ErrorCategory.ObjectNotFound, Instance);
                return null;
            }

            return certificate;
        });
    }
}
