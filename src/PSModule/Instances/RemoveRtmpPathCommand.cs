using System.Management.Automation;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Paths;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Remove-RtmpPath: removes a path and its keys from an instance; its publishers are refused from then on. Asks first.</summary>
    [Cmdlet(VerbsCommon.Remove, "RtmpPath", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveRtmpPathCommand : InstanceCmdlet
    {
        /// <summary>The instance.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string Instance { get; set; } = string.Empty;

        /// <summary>The path.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Path { get; set; } = string.Empty;

        /// <summary>Removes one path per pipeline item; a path that is not there is an error.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"{Instance} {Path}", "Remove path of rtmpx instance"))
            {
                return;
            }

            var paths = new PathOperations(Instances);
            if (paths.Get(Instance, Path).Exist == false)
            {
                Report(new ItemNotFoundException($"Instance '{Instance}' has no path '{Path}'."), "PathNotFound", ErrorCategory.ObjectNotFound, Path);
                return;
            }

            Apply("PathNotRemoved", Path, () =>
            {
                paths.Set(new Desired<PathResource>(new PathResource { Instance = Instance, Path = Path, Exist = false }, new[] { "instance", "path", "_exist" }), Log);
                return (object?)null;
            });
        }
    }
}
