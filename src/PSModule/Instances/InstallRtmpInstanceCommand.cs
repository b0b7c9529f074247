using System.Collections.Generic;
using System.Management.Automation;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>
    /// Install-RtmpInstance: installs an rtmpx instance from a package into its root folder, writes its
    /// configuration and service, and starts it (rtmpx instance install; the RtmpXProtect/Instance resource).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Install, "RtmpInstance", SupportsShouldProcess = true)]
    [OutputType(typeof(InstanceResource))]
    public sealed class InstallRtmpInstanceCommand : InstanceSettingsCmdlet
    {
        private static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
        {
            ["Name"] = "name", ["Package"] = "package", ["Root"] = "root", ["Rtmp"] = "rtmp", ["Rtmps"] = "rtmps", ["Rtsp"] = "rtsp", ["Api"] = "api", ["Service"] = "service", ["Config"] = "config",
        };

        /// <summary>The instance's name, unique on the machine.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = string.Empty;

        /// <summary>The package (folder or .zip) to install rtmpx from.</summary>
        [Parameter(Mandatory = true)]
        public string Package { get; set; } = string.Empty;

        /// <summary>The root folder; /opt/rtmpx/NAME (Windows: %ProgramFiles%\RtmpXProtect\NAME) when omitted.</summary>
        [Parameter]
        public string? Root { get; set; }

        /// <summary>Install without starting it.</summary>
        [Parameter]
        public SwitchParameter Stopped { get; set; }

        /// <summary>Installs the instance and writes it as it is after.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Install rtmpx instance"))
            {
                return;
            }

            var given = new List<string>(Given(Properties)) { "name", "package" };
            if (Stopped)
            {
                given.Add("state");
            }

            var desired = Settings(Name, Package);
            desired.Root = Root == null ? null : GetUnresolvedProviderPathFromPSPath(Root);
            desired.State = Stopped ? InstanceRunState.Stopped : (InstanceRunState?)null;
            Apply("InstanceNotInstalled", Name, () => Instances.Set(Desire(desired, given), Log));
        }
    }
}
