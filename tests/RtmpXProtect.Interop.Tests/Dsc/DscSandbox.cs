using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Tests.Shared;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// A machine for DSC runs: its own instance registry and roots in a temporary folder, and on
/// DSC_RESOURCE_PATH the manifests and the rtmpx they run: dsc/ of the repository with the build's
/// rtmpx, or a package folder, which holds both.
/// </summary>
public sealed class DscSandbox : IDisposable
{
    public DscSandbox(string? rtmpxFolder = null)
    {
        Directory.CreateDirectory(Folder);
        var root = RtmpxPackages.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        RtmpxFolder = rtmpxFolder ?? Path.Combine(root, "src", "Cli", "bin", configuration, "net10.0");
        Environment = new Dictionary<string, string?>
        {
            ["DSC_RESOURCE_PATH"] = rtmpxFolder ?? Path.Combine(root, "dsc") + Path.PathSeparator + RtmpxFolder,
            [InstanceRegistry.Variable] = Path.Combine(Folder, "registry"),
        };
        Engine = new DscEngine(Environment);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "rtmpx-dsc-" + Guid.NewGuid().ToString("N"));

    public string RtmpxFolder { get; }

    public Dictionary<string, string?> Environment { get; }

    public DscEngine Engine { get; }

    public string Root(string name) => Path.Combine(Folder, "roots", name);

    /// <summary>A package folder holding a placeholder rtmpx: the operations copy it, nothing runs it.</summary>
    public string PlaceholderPackage(string version)
    {
        var folder = Path.Combine(Folder, "packages", version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "rtmpx"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(folder, PackageManifest.FileName), JsonSerializer.Serialize(new { name = "rtmpx", version, runtime = RtmpxPackage.HostRuntime }));
        return folder;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
