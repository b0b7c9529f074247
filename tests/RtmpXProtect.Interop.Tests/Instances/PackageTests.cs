using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Instances;

/// <summary>The self-contained packages instances install from, for linux-x64 and win-x64.</summary>
public sealed class PackageTests
{
    [PeerFact("clang")]
    public async Task The_linux_x64_package_runs_where_there_is_no_dotnet()
    {
        var folder = RtmpxPackages.Folder("linux-x64");
        // Compiled ahead of time: one native executable, with no runtime or assembly beside it.
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(Path.Combine(folder, "rtmpx")).Take(4));
        Assert.Empty(Directory.GetFiles(folder, "*.dll"));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, PackageManifest.FileName))).RootElement;
        Assert.Equal("linux-x64", manifest.GetProperty("runtime").GetString());

        // No dotnet on PATH and no DOTNET_ROOT: what a server without .NET is.
        await using var rtmpx = PeerProcess.Start(Path.Combine(folder, "rtmpx"), new[] { "--version" }, environment: new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = null });
        Assert.Equal(0, await rtmpx.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith(manifest.GetProperty("version").GetString()!, rtmpx.StandardOutputTail().Trim());
        using var zip = ZipFile.OpenRead(RtmpxPackages.Zip("linux-x64"));
        Assert.Contains(zip.Entries, e => e.FullName == "rtmpx");
        Assert.Contains(zip.Entries, e => e.FullName == PackageManifest.FileName);

        // The DSC manifests ship next to rtmpx, so DSC_RESOURCE_PATH naming the folder finds both.
        Assert.Equal(
            new ResourceCatalog().Types.Select(ResourceManifest.FileName).OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFiles(folder, "*.dsc.resource.json").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void The_win_x64_package_holds_a_windows_rtmpx_and_is_refused_here()
    {
        var zip = RtmpxPackages.Zip("win-x64");
        using (var archive = ZipFile.OpenRead(zip))
        {
            var exe = archive.GetEntry("rtmpx.exe") ?? throw new InvalidOperationException("no rtmpx.exe in the win-x64 package");
            using var stream = exe.Open();
            var header = new byte[2];
            Assert.Equal(2, stream.Read(header, 0, 2));
            Assert.Equal("MZ", System.Text.Encoding.ASCII.GetString(header));
            Assert.Contains(archive.Entries, e => e.FullName == "coreclr.dll");
            Assert.Contains(archive.Entries, e => e.FullName == "Microsoft.Extensions.Hosting.WindowsServices.dll");
        }

        var refused = Assert.Throws<ResourceInputException>(() => RtmpxPackage.Open(zip));
        Assert.Contains("for win-x64; this machine needs linux-x64", refused.Message);
    }
}
