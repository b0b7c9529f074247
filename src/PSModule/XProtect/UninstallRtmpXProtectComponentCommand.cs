using System.Management.Automation;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>Uninstall-RtmpXProtectComponent: removes the driver or the plugin from XProtect's folder; asks first.</summary>
    [Cmdlet(VerbsLifecycle.Uninstall, "RtmpXProtectComponent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class UninstallRtmpXProtectComponentCommand : XProtectComponentCmdlet
    {
        /// <summary>Stop the Recording Server or Event Server while the files go, and start it again after (Windows).</summary>
        [Parameter]
        public SwitchParameter RestartService { get; set; }

        /// <summary>Removes the component's folder.</summary>
        protected override void ProcessRecord()
        {
            var target = Chosen.TryTarget(RootPath) ?? Component;
            if (!ShouldProcess(target, $"Uninstall the RtmpXProtect {Chosen.Noun} (its folder is deleted)"))
            {
                return;
            }

            var desired = new Engine.Management.XProtect.XProtectComponentResource { Root = RootPath, RestartService = RestartService, Exist = false };
            Apply("ComponentNotUninstalled", Component, () =>
            {
                Operations.Set(Desire(desired, new[] { "root", "restartService", "_exist" }), Log);
                return (object?)null;
            });
        }
    }
}
