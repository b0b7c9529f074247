using System.Linq;
using System.Management.Automation;
using RtmpXProtect.Engine.Management.Paths;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Get-RtmpPath: the paths of an instance with their key counts (never the keys), publishers and recording.</summary>
    [Cmdlet(VerbsCommon.Get, "RtmpPath")]
    [OutputType(typeof(PathResource))]
    public sealed class GetRtmpPathCommand : InstanceCmdlet
    {
        /// <summary>The instance; Get-RtmpInstance's output binds by its Name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Instance { get; set; } = string.Empty;

        /// <summary>Paths to show; wildcards allowed; all when omitted.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string? Path { get; set; }

        /// <summary>Writes the matching paths.</summary>
        protected override void ProcessRecord()
        {
            var pattern = new WildcardPattern(Path ?? "*", WildcardOptions.IgnoreCase);
            Apply("PathNotRead", Instance, () =>
            {
                Instances.RequireLayout(Instance);
                var paths = new PathOperations(Instances).List(Instance).Where(p => pattern.IsMatch(p.Path)).ToList();
                foreach (var path in paths)
                {
                    WriteObject(path);
                }

                if (paths.Count == 0 && Path != null && !WildcardPattern.ContainsWildcardCharacters(Path))
                {
                    Report(new ItemNotFoundException($"Instance '{Instance}' has no path '{Path}'."), "PathNotFound", ErrorCategory.ObjectNotFound, Path);
                }

                return (PathResource?)null;
            });
        }
    }
}
