using System.Collections.Generic;
using System.Management.Automation;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>
    /// Set-RtmpInstance: changes an installed instance (rtmpx instance set): a package of another version
    /// upgrades it, listeners and its API move, -State starts or stops it; only the parameters given change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RtmpInstance", SupportsShouldProcess = true)]
    [OutputType(typeof(InstanceResource))]
    public sealed class SetRtmpInstanceCommand : InstanceSettingsCmdlet
    {
        private static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
        {
            ["Package"] = "package", ["Rtmp"] = "rtmp", ["Rtmps"] = "rtmps", ["Rtsp"] = "rtsp", ["Api"] = "api", ["Service"] = "service", ["State"] = "state", ["Config"] = "config",
        };

        /// <summary>The instance to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>A package of the version to run: another version replaces the installed rtmpx.</summary>
        [Parameter]
        public string? Package { get; set; }

        /// <summary>Running or Stopped (systemd and Windows services).</summary>
        [Parameter]
        public InstanceRunState State { get; set; }

        /// <summary>Changes one instance per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Change rtmpx instance"))
            {
                return;
            }

            var desired = Settings(Name, Package);
            desired.State = MyInvocation.BoundParameters.ContainsKey(nameof(State)) ? State : null;
            Apply("InstanceNotChanged", Name, () =>
            {
                if (Instances.Registry.Find(Name) == null)
                {
                    throw new ResourceInputException($"name: no instance named '{Name}' on this machine; Install-RtmpInstance installs one.");
                }

                return Instances.Set(Desire(desired, new List<string>(Given(Properties)) { "name" }), Log);
            });
        }
    }
}
