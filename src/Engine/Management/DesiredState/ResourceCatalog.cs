using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Management.Certificates;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Management.Paths;
using RtmpXProtect.Engine.Management.Streams;
using RtmpXProtect.Engine.Management.XProtect;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>The DSC resource types of RtmpXProtect: Instance, Certificate, Path and Stream, each over its operations, and the XProtect Driver and Plugin.</summary>
    public sealed class ResourceCatalog
    {
        /// <summary>The types over the instances <paramref name="instances"/> manages (the machine's when null).</summary>
        public ResourceCatalog(InstanceOperations? instances = null)
        {
            var machine = instances ?? new InstanceOperations();
            var certificates = new CertificateOperations(machine);
            var paths = new PathOperations(machine);
            var streams = new StreamOperations(machine);
            Types = new ResourceType[]
            {
                new ResourceType<InstanceResource>(
                    InstanceResource.TypeName,
                    InstanceResource.Description,
                    d => machine.Get(d.Value.Name!),
                    machine.Test,
                    machine.Set,
                    (d, log) => machine.Remove(d.Value.Name!, log),
                    machine.Export),
                new ResourceType<CertificateResource>(
                    CertificateResource.TypeName,
                    CertificateResource.Description,
                    d => certificates.Get(d.Value.Instance!),
                    certificates.Test,
                    certificates.Set,
                    (d, log) => certificates.Remove(d.Value.Instance!, log),
                    certificates.Export),
                new ResourceType<PathResource>(
                    PathResource.TypeName,
                    PathResource.Description,
                    d => paths.Get(d.Value.Instance!, d.Value.Path!),
                    paths.Test,
                    paths.Set,
                    (d, log) => paths.Set(new Desired<PathResource>(new PathResource { Instance = d.Value.Instance, Path = d.Value.Path, Exist = false }, new[] { "instance", "path", "_exist" }), log),
                    paths.Export),
                new ResourceType<StreamResource>(
                    StreamResource.TypeName,
                    StreamResource.Description,
                    d => streams.Get(d.Value.Instance!, d.Value.Name!),
                    streams.Test,
                    streams.Set,
                    (d, log) => streams.Set(new Desired<StreamResource>(new StreamResource { Instance = d.Value.Instance, Name = d.Value.Name, Exist = false }, new[] { "instance", "name", "_exist" }), log),
                    streams.Export),
                Component(XProtectComponent.Driver, "The RtmpXProtect driver in XProtect: installed, upgraded or removed in %ProgramFiles%\\Milestone\\MIPDrivers\\RtmpXProtect, optionally restarting the Recording Server."),
                Component(XProtectComponent.Plugin, "The RtmpXProtect plugin in XProtect: installed, upgraded or removed in %ProgramFiles%\\Milestone\\MIPPlugins\\RtmpXProtect, optionally restarting the Event Server."),
            };
        }

        private static ResourceType Component(XProtectComponent component, string description)
        {
            var operations = new XProtectComponentOperations(component);
            return new ResourceType<XProtectComponentResource>(
                component.TypeName,
                description,
                d => operations.Get(d.Value.Root),
                operations.Test,
                operations.Set,
                (d, log) => operations.Remove(d.Value.Root, log),
                operations.Export);
        }

        /// <summary>Every type.</summary>
        public IReadOnlyList<ResourceType> Types { get; }

        /// <summary>The type named <paramref name="name"/>.</summary>
        /// <exception cref="ResourceInputException">There is no such type.</exception>
        public ResourceType Find(string name)
            => Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
               ?? throw new ResourceInputException($"type: '{name}' is not a resource type of RtmpXProtect (they are {string.Join(", ", Types.Select(t => t.Name))}).");
    }
}
