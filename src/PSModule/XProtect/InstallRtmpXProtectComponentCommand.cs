using System.Management.Automation;
using RtmpXProtect.Engine.Management.XProtect;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>
    /// Install-RtmpXProtectComponent: installs or upgrades the driver or the plugin from a built
    /// package folder into XProtect's folder (the RtmpXProtect/Driver and RtmpXProtect/Plugin resources).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Install, "RtmpXProtectComponent", SupportsShouldProcess = true)]
    [OutputType(typeof(XProtectComponentResource))]
    public sealed class InstallRtmpXProtectComponentCommand : XProtectComponentCmdlet
    {
        /// <summary>The folder with the built component (its assembly and .def file).</summary>
        [Parameter(Mandatory = true)]
        public string Package { get; set; } = string.Empty;

        /// <summary>Stop the Recording Server or Event Server while the files change, and start it again after (Windows).</summary>
        [Parameter]
        public SwitchParameter RestartService { get; set; }

        /// <summary>Installs or upgrades, and writes the component as it is after.</summary>
        protected override void ProcessRecord()
        {
            var target = Chosen.TryTarget(RootPath) ?? Component;
            if (!ShouldProcess(target, $"Install the RtmpXProtect {Chosen.Noun}{(RestartService ? " and restart " + Chosen.Service : string.Empty)}"))
            {
                return;
            }

            var desired = new XProtectComponentResource { Root = RootPath, Package = GetUnresolvedProviderPathFromPSPath(Package), RestartService = RestartService, Exist = true };
            Apply("ComponentNotInstalled", Component, () => Named(Operations.Set(Desire(desired, new[] { "root", "package", "restartService", "_exist" }), Log)));
        }
    }
}
