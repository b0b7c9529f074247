using System;
using System.Linq;
using System.Management.Automation;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>Get-RtmpInstance: the rtmpx instances of this machine (rtmpx instance list|show), with their version, state and configuration.</summary>
    [Cmdlet(VerbsCommon.Get, "RtmpInstance")]
    [OutputType(typeof(InstanceResource))]
    public sealed class GetRtmpInstanceCommand : InstanceCmdlet
    {
        /// <summary>Names to show; wildcards allowed; every instance when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>Writes each matching instance; a name without wildcards that matches none is an error.</summary>
        protected override void ProcessRecord()
        {
            var patterns = (Name ?? new[] { "*" }).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            Apply("InstanceNotRead", "registry", () =>
            {
                var all = Instances.Export();
                foreach (var instance in all.Where(i => patterns.Any(p => p.IsMatch(i.Name))))
                {
                    WriteObject(instance);
                }

                foreach (var name in (Name ?? Array.Empty<string>()).Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
                {
                    if (!all.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        Report(new ItemNotFoundException($"No instance named '{name}' on this machine."), "InstanceNotFound", ErrorCategory.ObjectNotFound, name);
                    }
                }

                return (InstanceResource?)null;
            });
        }
    }
}
