using System.Collections;
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
    public sealed class SetRtmpInstanceCommand : InstanceCmdlet
    {
        private static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
        {
            ["Package"] = "package", ["Rtmp"] = "rtmp", ["Rtmps"] = "rtmps", ["Api"] = "api", ["Service"] = "service", ["State"] = "state", ["Config"] = "config",
        };

        /// <summary>The instance to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>A package of the version to run: another version replaces the installed rtmpx.</summary>
        [Parameter]
        public string? Package { get; set; }

        /// <summary>Plain RTMP's ADDRESS:PORT; $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtmp { get; set; }

        /// <summary>RTMPS's ADDRESS:PORT; $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtmps { get; set; }

        /// <summary>The status API's loopback ADDRESS:PORT; $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Api { get; set; }

        /// <summary>What runs it from now on.</summary>
        [Parameter]
        public ServiceKind Service { get; set; }

        /// <summary>Running or Stopped (systemd and Windows services).</summary>
        [Parameter]
        public InstanceRunState State { get; set; }

        /// <summary>Sections of rtmpx.json to set, key by key, as a hashtable.</summary>
        [Parameter]
        public Hashtable? Config { get; set; }

        /// <summary>Changes one instance per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Change rtmpx instance"))
            {
                return;
            }

            var desired = new InstanceResource
            {
                Name = Name,
                Package = Package == null ? null : GetUnresolvedProviderPathFromPSPath(Package),
                Rtmp = Rtmp,
                Rtmps = Rtmps,
                Api = Api,
                Service = MyInvocation.BoundParameters.ContainsKey(nameof(Service)) ? Service : null,
                State = MyInvocation.BoundParameters.ContainsKey(nameof(State)) ? State : null,
                Config = ConfigTable.ToJson(Config),
            };
            Apply("InstanceNotChanged", Name, () =>
            {
                if (Instances.Registry.Find(Name) == null)
                {
                    throw new ResourceInputException($"name: no instance named '{Name}' on this machine; Install-RtmpInstance installs one.");
                }

                return Instances.Set(new Desired<InstanceResource>(desired, new List<string>(Given(Properties)) { "name" }), Log);
            });
        }
    }
}
