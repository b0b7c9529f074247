using System.Collections;
using System.Management.Automation;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>The settings Install-RtmpInstance and Set-RtmpInstance both take, and the desired state they make.</summary>
    public abstract class InstanceSettingsCmdlet : InstanceCmdlet
    {
        /// <summary>Plain RTMP's ADDRESS:PORT; $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtmp { get; set; }

        /// <summary>RTMPS's ADDRESS:PORT, with the certificate Set-RtmpInstanceCertificate provisions; $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtmps { get; set; }

        /// <summary>RTSP's ADDRESS:PORT (every path also plays as rtsp://HOST:PORT/APP/STREAM); $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Rtsp { get; set; }

        /// <summary>The status API's loopback ADDRESS:PORT, one per instance; $null for none.</summary>
        [Parameter]
        [AllowNull]
        public string? Api { get; set; }

        /// <summary>What runs it: Systemd, Windows or None (your own supervisor).</summary>
        [Parameter]
        public ServiceKind Service { get; set; }

        /// <summary>Sections of rtmpx.json to set, key by key, as a hashtable (@{ limits = @{ maxConnections = 500 } }).</summary>
        [Parameter]
        public Hashtable? Config { get; set; }

        /// <summary>The settings given as a desired state of <paramref name="name"/>, the package resolved the PowerShell way.</summary>
        protected InstanceResource Settings(string name, string? package) => new InstanceResource
        {
            Name = name,
            Package = package == null ? null : GetUnresolvedProviderPathFromPSPath(package),
            Rtmp = Rtmp,
            Rtmps = Rtmps,
            Rtsp = Rtsp,
            Api = Api,
            Service = MyInvocation.BoundParameters.ContainsKey(nameof(Service)) ? Service : (ServiceKind?)null,
            Config = ConfigTable.ToJson(Config),
        };
    }
}
