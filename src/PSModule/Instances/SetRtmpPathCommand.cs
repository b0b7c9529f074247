using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Paths;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>
    /// Set-RtmpPath: a path of an instance with its publish keys, allowed publishers and recording
    /// (rtmpx instance path; the RtmpXProtect/Path resource); the running instance closes only the sessions a change revokes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RtmpPath", SupportsShouldProcess = true)]
    [OutputType(typeof(PathResource))]
    public sealed class SetRtmpPathCommand : InstanceCmdlet
    {
        private static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
        {
            ["PublishKey"] = "publishKeys", ["PlayKey"] = "playKeys", ["Publisher"] = "publishers", ["Record"] = "record",
        };

        /// <summary>The instance.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Instance { get; set; } = string.Empty;

        /// <summary>The path: app/stream or a bare stream name.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Path { get; set; } = string.Empty;

        /// <summary>Keys that may publish (and play) it; they replace the path's keys.</summary>
        [Parameter]
        public SecureString[]? PublishKey { get; set; }

        /// <summary>Keys that may only play it.</summary>
        [Parameter]
        public SecureString[]? PlayKey { get; set; }

        /// <summary>Addresses or CIDR ranges its publishers must come from.</summary>
        [Parameter]
        public string[]? Publisher { get; set; }

        /// <summary>$true records its publishes, $false never, $null follows the instance's record.directory.</summary>
        [Parameter]
        [AllowNull]
        public bool? Record { get; set; }

        /// <summary>Sets one path per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"{Instance} {Path}", "Set path of rtmpx instance"))
            {
                return;
            }

            var desired = new PathResource
            {
                Instance = Instance,
                Path = Path,
                PublishKeys = PublishKey?.Select(Secrets.Reveal).ToList(),
                PlayKeys = PlayKey?.Select(Secrets.Reveal).ToList(),
                Publishers = Publisher?.ToList(),
                Record = Record,
            };
            Apply("PathNotSet", Path, () => new PathOperations(Instances).Set(Desire(desired, new List<string>(Given(Properties)) { "instance", "path" }), Log));
        }
    }
}
