using System.Management.Automation;
using RtmpXProtect.Engine.Management.Certificates;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Remove-RtmpInstanceCertificate: deletes an instance's RTMPS certificate (its RTMPS then waits for a new one); asks first.</summary>
    [Cmdlet(VerbsCommon.Remove, "RtmpInstanceCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveRtmpInstanceCertificateCommand : InstanceCmdlet
    {
        /// <summary>The instance.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Instance { get; set; } = string.Empty;

        /// <summary>Deletes one instance's certificate per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Instance, "Delete the RTMPS certificate of rtmpx instance"))
            {
                return;
            }

            if (Instances.Registry.Find(Instance) == null)
            {
                Report(new ItemNotFoundException($"No instance named '{Instance}' on this machine."), "InstanceNotFound", ErrorCategory.ObjectNotFound, Instance);
                return;
            }

            Apply("CertificateNotRemoved", Instance, () =>
            {
                new CertificateOperations(Instances).Remove(Instance, Log);
                return (object?)null;
            });
        }
    }
}
