using System;
using System.IO;
using System.Text.Json;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Management.Instances.Services;

namespace RtmpXProtect.Engine.Tests.Management.Instances;

/// <summary>
/// A machine of its own for instance tests: a registry, roots and packages in a temporary folder.
/// Packages here hold a placeholder rtmpx (the operations copy it, never run it); the interop tests
/// install the real self-contained package and run it.
/// </summary>
internal sealed class InstanceSandbox : IDisposable
{
    public InstanceSandbox()
    {
        Directory.CreateDirectory(Folder);
        Operations = new InstanceOperations(new InstanceRegistry(Path.Combine(Folder, "registry")), Services);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "rtmpx-instances-" + Guid.NewGuid().ToString("N"));

    public InstanceOperations Operations { get; }

    /// <summary>What each service kind is here; tests replace systemd with one over a systemctl double.</summary>
    public Func<ServiceKind, IInstanceService> Kinds { get; set; } = InstanceOperations.DefaultServices;

    public string Root(string name) => Path.Combine(Folder, "roots", name);

    /// <summary>A package folder of rtmpx <paramref name="version"/> for this machine.</summary>
    public string Package(string version)
    {
        var folder = Path.Combine(Folder, "packages", version);
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "rtmpx"), "#!/bin/sh\necho rtmpx " + version + "\n");
            File.WriteAllText(Path.Combine(folder, "rtmpx.exe"), "placeholder");
            File.WriteAllText(Path.Combine(folder, "rtmpx.dll"), version);
            File.WriteAllText(Path.Combine(folder, PackageManifest.FileName), JsonSerializer.Serialize(new { name = "rtmpx", version, runtime = RtmpxPackage.HostRuntime }));
        }

        return folder;
    }

    public static Desired<InstanceResource> Desire(string json) => ResourceJson.Parse<InstanceResource>((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(json)!);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private IInstanceService Services(ServiceKind kind) => Kinds(kind);
}
