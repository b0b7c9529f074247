using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// RtmpXProtect/Instance: an rtmpx installed in one root folder, configured, and run by its
    /// service. The model of the DSC v3 resource, the PowerShell DSC class and the instance cmdlets.
    /// </summary>
    public sealed class InstanceResource
    {
        /// <summary>The resource type name.</summary>
        public const string TypeName = "RtmpXProtect/Instance";

        /// <summary>What the resource manages, for its schema.</summary>
        public const string Description = "An rtmpx instance: installed from a package into its root folder (bin/, rtmpx.json, certs/, secrets/, logs/, recordings/), configured, and run by systemd, the Windows SCM or the operator's own supervisor.";

        /// <summary>ADDRESS:PORT, IPv4 or bracketed IPv6.</summary>
        public const string EndpointPattern = @"^(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]):\d{1,5}$";

        /// <summary><see cref="EndpointPattern"/> in words.</summary>
        public const string EndpointForm = "ADDRESS:PORT (\"0.0.0.0:1935\", \"[::]:1935\")";

        /// <summary>A name in words.</summary>
        public const string NameForm = "a name (1–64 letters, digits, '_', '.' or '-', starting with a letter or digit)";

        /// <summary>The instance's name, unique on the machine; its service is rtmpx-NAME.</summary>
        [ResourceProperty("name", "The instance's name, unique on the machine; its service is rtmpx-NAME and its registry file NAME.json.", Key = true, Pattern = InstanceRegistry.NamePattern, Form = NameForm)]
        public string? Name { get; set; }

        /// <summary>Whether the instance should exist; false removes it, its root folder and its service.</summary>
        [ResourceProperty("_exist", "Whether the instance should exist; false removes it, its root folder and its service.")]
        public bool? Exist { get; set; }

        /// <summary>The root folder; fixed once installed.</summary>
        [ResourceProperty("root", "The instance's root folder. Default /opt/rtmpx/NAME (Windows: %ProgramFiles%\\RtmpXProtect\\NAME). An installed instance does not move: remove it and install it again.")]
        public string? Root { get; set; }

        /// <summary>The package (folder or .zip) to install; a package of another version upgrades (or downgrades) to it.</summary>
        [ResourceProperty("package", "A package (folder or .zip) to install rtmpx from; an installed rtmpx of another version is replaced by it. Required to install.", WriteOnly = true)]
        public string? Package { get; set; }

        /// <summary>The installed rtmpx version.</summary>
        [ResourceProperty("version", "The version of the rtmpx installed in bin/.", ReadOnly = true)]
        public string? Version { get; set; }

        /// <summary>Plain RTMP's ADDRESS:PORT; null for none.</summary>
        [ResourceProperty("rtmp", "Where plain RTMP listens, ADDRESS:PORT (\"0.0.0.0:1935\"); null for no plain RTMP.", Nullable = true, Pattern = EndpointPattern, Form = EndpointForm)]
        public string? Rtmp { get; set; }

        /// <summary>RTMPS's ADDRESS:PORT; null for none. Its certificate is the RtmpXProtect/Certificate of the instance.</summary>
        [ResourceProperty("rtmps", "Where RTMPS listens, ADDRESS:PORT (\"0.0.0.0:443\"), with the certificate of the instance's RtmpXProtect/Certificate (it waits for one until it exists); null for no RTMPS.", Nullable = true, Pattern = EndpointPattern, Form = EndpointForm)]
        public string? Rtmps { get; set; }

        /// <summary>RTSP's ADDRESS:PORT; null for none.</summary>
        [ResourceProperty("rtsp", "Where RTSP listens, ADDRESS:PORT (\"0.0.0.0:8554\"): every path of the instance also plays as rtsp://HOST:PORT/APP/STREAM; null (the default for an instance) for no RTSP.", Nullable = true, Pattern = EndpointPattern, Form = EndpointForm)]
        public string? Rtsp { get; set; }

        /// <summary>The status API's loopback ADDRESS:PORT; null for none.</summary>
        [ResourceProperty("api", "Where the status API listens, a loopback ADDRESS:PORT (\"127.0.0.1:1985\"), distinct for each instance of a machine; null for none.", Nullable = true, Pattern = EndpointPattern, Form = EndpointForm)]
        public string? Api { get; set; }

        /// <summary>What runs the instance.</summary>
        [ResourceProperty("service", "What runs the instance: systemd (a unit rtmpx-NAME.service), windows (a service rtmpx-NAME) or none (the operator's supervisor runs ROOT/bin/rtmpx serve --config ROOT/rtmpx.json). Default systemd where systemd runs, windows on Windows, none elsewhere.")]
        public ServiceKind? Service { get; set; }

        /// <summary>Whether it runs; enforced for systemd and windows, reported (from its status API) for none.</summary>
        [ResourceProperty("state", "Whether the instance runs: enforced for systemd and windows; for service none it is reported (from its status API) and not compared, running being its supervisor's job.")]
        public InstanceRunState? State { get; set; }

        /// <summary>The other sections of rtmpx.json.</summary>
        [ResourceProperty("config", "Other sections of rtmpx.json (limits, paths, auth, hooks, record, logging, metrics), as in docs/rtmpx.example.jsonc; only the keys given are set and compared. paths.entries are RtmpXProtect/Path resources and streams RtmpXProtect/Stream resources. Keys are shown masked.")]
        [ResourceSections("limits", "paths", "auth", "hooks", "record", "logging", "metrics")]
        public JsonObject? Config { get; set; }

        /// <summary>Set by test.</summary>
        [ResourceProperty("_inDesiredState", "Whether the instance is in the desired state (test only).", ReadOnly = true)]
        public bool? InDesiredState { get; set; }
    }
}
