using System.Management.Automation;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Uninstall-RtmpInstance: stops an instance, removes its service, deletes its root folder and registry entry (rtmpx instance remove); asks first.</summary>
    [Cmdlet(VerbsLifecycle.Uninstall, "RtmpInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UninstallRtmpInstanceCommand : InstanceCmdlet
    {
        /// <summary>The instance to remove.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>Removes one instance per pipeline item; a name that is not installed is an error.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Uninstall rtmpx instance (its root folder is deleted)"))
            {
                return;
            }

            if (Instances.Registry.Find(Name) == null)
            {
                Report(new ItemNotFoundException($"No instance named '{Name}' on this machine."), "InstanceNotFound", ErrorCategory.ObjectNotFound, Name);
                return;
            }

            Apply("InstanceNotUninstalled", Name, () =>
            {
                Instances.Remove(Name, Log);
                return (object?)null;
            });
        }
    }
}
