using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.XProtect
{
    /// <summary>The RtmpXProtect driver or plugin as installed into XProtect (RtmpXProtect/Driver, RtmpXProtect/Plugin).</summary>
    public sealed class XProtectComponentResource
    {
        /// <summary>Whether it should be installed; false removes it.</summary>
        [ResourceProperty("_exist", "Whether it should be installed; false removes its folder (and restarts its service when restartService is true).")]
        public bool? Exist { get; set; }

        /// <summary>A folder holding the built component to install or upgrade from.</summary>
        [ResourceProperty("package", "A folder with the built component (its assembly and .def file) to install or upgrade from; needed to install.", WriteOnly = true)]
        public string? Package { get; set; }

        /// <summary>The Program Files folder it goes under; %ProgramFiles% when left out.</summary>
        [ResourceProperty("root", "The folder holding Milestone\\MIPDrivers or Milestone\\MIPPlugins; %ProgramFiles% when left out.")]
        public string? Root { get; set; }

        /// <summary>Stop the service that loads it before changing its files and start it again after.</summary>
        [ResourceProperty("restartService", "Stop the service that loads it (the Recording Server or the Event Server) before its files change and start it after (Windows only). Default false: the files are replaced in place, which fails while the service holds them.")]
        public bool? RestartService { get; set; }

        /// <summary>The installed version.</summary>
        [ResourceProperty("version", "The version of the installed component.", ReadOnly = true)]
        public string? Version { get; set; }

        /// <summary>Where it is installed.</summary>
        [ResourceProperty("path", "Where it is installed.", ReadOnly = true)]
        public string? Path { get; set; }

        /// <summary>The state of the service that loads it.</summary>
        [ResourceProperty("serviceState", "Running, Stopped or NotInstalled: the service that loads it; Unknown where there are no Windows services.", ReadOnly = true)]
        public string? ServiceState { get; set; }

        /// <summary>Test only.</summary>
        [ResourceProperty("_inDesiredState", "Whether it is in the desired state (test only).", ReadOnly = true)]
        public bool? InDesiredState { get; set; }
    }
}
