using System;
using System.IO;

namespace RtmpXProtect.Engine.Management.XProtect
{
    /// <summary>
    /// The two parts RtmpXProtect installs into XProtect: where each goes, what it must hold and
    /// which service loads it. Folders: the Recording Server loads drivers from
    /// %ProgramFiles%\Milestone\MIPDrivers\NAME (the seed driver's build output, github.com/Cacsjep/mscp
    /// Device Drivers/Rtmp/RTMPDriver/RTMPDriver.csproj), MIP plugins live in
    /// %ProgramFiles%\Milestone\MIPPlugins\NAME (github.com/milestonesys/mipsdk-samples-vps VPSToolkit/README.md).
    /// Services: "Milestone XProtect Recording Server" and "MilestoneEventServerService" (the installer
    /// scripts in github.com/Cacsjep/mscp, RS_SERVICE and ES_SERVICE).
    /// </summary>
    public sealed class XProtectComponent
    {
        /// <summary>The driver, loaded by the Recording Server.</summary>
        public static readonly XProtectComponent Driver = new XProtectComponent("RtmpXProtect/Driver", "driver", "MIPDrivers", "RtmpXProtect.Driver.dll", "RtmpXProtect.Driver.def", "Milestone XProtect Recording Server");

        /// <summary>The plugin, loaded by the Event Server (and the Management Client).</summary>
        public static readonly XProtectComponent Plugin = new XProtectComponent("RtmpXProtect/Plugin", "plugin", "MIPPlugins", "RtmpXProtect.Plugin.dll", "plugin.def", "MilestoneEventServerService");

        private XProtectComponent(string typeName, string noun, string folder, string assembly, string definition, string service)
        {
            TypeName = typeName;
            Noun = noun;
            Folder = folder;
            Assembly = assembly;
            Definition = definition;
            Service = service;
        }

        /// <summary>Its DSC resource type.</summary>
        public string TypeName { get; }

        /// <summary>"driver" or "plugin", for messages.</summary>
        public string Noun { get; }

        /// <summary>MIPDrivers or MIPPlugins.</summary>
        public string Folder { get; }

        /// <summary>The assembly XProtect loads, whose version is the component's.</summary>
        public string Assembly { get; }

        /// <summary>The .def file that tells XProtect to load it.</summary>
        public string Definition { get; }

        /// <summary>The Windows service that loads it.</summary>
        public string Service { get; }

        /// <summary>Where it is installed under <paramref name="root"/> (%ProgramFiles% when null).</summary>
        /// <exception cref="DesiredState.ResourceInputException">No root was given and the system has no Program Files folder (not Windows).</exception>
        public string Target(string? root) => TryTarget(root) ?? throw new DesiredState.ResourceInputException("root: this system has no Program Files folder (XProtect runs on Windows); give root.");

        /// <summary>Where it is installed, or null when no root was given and there is no Program Files folder.</summary>
        public string? TryTarget(string? root)
        {
            var folder = root ?? Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
            return string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, "Milestone", Folder, "RtmpXProtect");
        }
    }
}
