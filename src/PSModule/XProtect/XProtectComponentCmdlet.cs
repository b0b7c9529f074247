using System.Management.Automation;
using RtmpXProtect.Engine.Management.XProtect;
using RtmpXProtect.PSModule.Instances;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>What the driver and plugin cmdlets share: which component, under which root, and its operations.</summary>
    public abstract class XProtectComponentCmdlet : InstanceCmdlet
    {
        /// <summary>Driver (the Recording Server's) or Plugin (the Event Server's).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Driver", "Plugin")]
        public string Component { get; set; } = "Driver";

        /// <summary>The folder holding Milestone\MIPDrivers and Milestone\MIPPlugins; %ProgramFiles% when omitted.</summary>
        [Parameter]
        public string? Root { get; set; }

        /// <summary>The component chosen.</summary>
        protected XProtectComponent Chosen => Component == "Plugin" ? XProtectComponent.Plugin : XProtectComponent.Driver;

        /// <summary>Its operations.</summary>
        protected XProtectComponentOperations Operations => new XProtectComponentOperations(Chosen);

        /// <summary>The root as a file system path, or null for %ProgramFiles%.</summary>
        protected string? RootPath => Root == null ? null : GetUnresolvedProviderPathFromPSPath(Root);

        /// <summary>The state with the component's name on it, as the pipeline shows it.</summary>
        protected PSObject Named(XProtectComponentResource state)
        {
            var shown = PSObject.AsPSObject(state);
            shown.Properties.Add(new PSNoteProperty("Component", Component));
            return shown;
        }
    }
}
