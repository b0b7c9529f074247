using System.Management.Automation;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>The stream cmdlets edit the same rtmpx.json that `rtmpx serve` runs and `rtmpx stream` edits.</summary>
    public abstract class StreamCmdlet : RtmpCmdlet
    {
        /// <summary>The rtmpx.json to edit; $env:RTMPX_CONFIG or the machine-wide file when omitted.</summary>
        [Parameter]
        public string? ConfigPath { get; set; }

        /// <summary>The store over the chosen file, the path resolved the PowerShell way (relative to $PWD, PSDrives).</summary>
        protected StreamStore OpenStore() => new StreamStore(
            string.IsNullOrEmpty(ConfigPath) ? StreamStore.DefaultConfigPath : GetUnresolvedProviderPathFromPSPath(ConfigPath));
    }
}
