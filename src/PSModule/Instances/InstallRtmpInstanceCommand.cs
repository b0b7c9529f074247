using System.Collections;
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
    public sealed class InstallRtmpInstanceCommand : InstanceCmdlet
    {
        private static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
        {
            ["Name"] = "name", ["Package"] = "package", ["Root"] = "root", ["Rtmp"] = "rtmp", ["Rtmps"] = "rtmps", ["Api"] = "api", ["Service"] = "service", ["Config"] = "config",
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

        /// <summary>Plain RTMP's ADDRESS:PORT; 0.0.0.0:1935 when omitted, $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtmp { get; set; }

        /// <summary>RTMPS's ADDRESS:PORT, with the certificate Set-RtmpInstanceCertificate provisions.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtmps { get; set; }

        /// <summary>The status API's loopback ADDRESS:PORT, one per instance; 127.0.0.1:1985 when omitted, $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Api { get; set; }

        /// <summary>What runs it: Systemd, Windows or None (your own supervisor); the machine's own when omitted.</summary>
        [Parameter]
        public ServiceKind Service { get; set; }

        /// <summary>Sections of rtmpx.json to set, as a hashtable (@{ limits = @{ maxConnections = 500 } }).</summary>
        [Parameter]
        public Hashtable? Config { get; set; }

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

            var desired = new InstanceResource
            {
                Name = Name,
                Package = GetUnresolvedProviderPathFromPSPath(Package),
                Root = Root == null ? null : GetUnresolvedProviderPathFromPSPath(Root),
                Rtmp = Rtmp,
                Rtmps = Rtmps,
                Api = Api,
                Service = MyInvocation.BoundParameters.ContainsKey(nameof(Service)) ? Service : null,
                State = Stopped ? InstanceRunState.Stopped : (InstanceRunState?)null,
                Config = ConfigTable.ToJson(Config),
            };
            Apply("InstanceNotInstalled", Name, () => Instances.Set(new Desired<InstanceResource>(desired, given), Log));
        }
    }
}
