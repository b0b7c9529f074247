using System.Management.Automation;
using RtmpXProtect.Engine.Management.XProtect;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>Get-RtmpXProtectComponent: whether the driver or the plugin is installed, its version, and the state of the service that loads it.</summary>
    [Cmdlet(VerbsCommon.Get, "RtmpXProtectComponent")]
    [OutputType(typeof(XProtectComponentResource))]
    public sealed class GetRtmpXProtectComponentCommand : XProtectComponentCmdlet
    {
        /// <summary>Writes the component's state.</summary>
        protected override void ProcessRecord() => Apply("ComponentNotRead", Component, () => Named(Operations.Get(RootPath)));
    }
}
