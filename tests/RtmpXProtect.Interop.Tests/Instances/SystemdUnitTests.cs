using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Management.Instances.Services;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Instances;

/// <summary>The unit file of a systemd instance, checked by systemd's own systemd-analyze verify.</summary>
public sealed class SystemdUnitTests
{
    [PeerFact("systemd-analyze")]
    public async Task The_unit_of_an_instance_passes_systemd_analyze_verify_even_for_a_root_with_spaces_and_specifiers()
    {
        using var dir = new TempDirectory();
        var layout = new InstanceLayout(Path.Combine(dir.Path, "site 100% rs1"));
        Directory.CreateDirectory(layout.Bin);
        File.WriteAllText(layout.Executable, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(layout.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(layout.ConfigFile, "{}");
        var unit = Path.Combine(dir.Path, SystemdUnit.Name("rs1"));
        File.WriteAllText(unit, SystemdUnit.Text("rs1", layout));

        await using var verify = PeerProcess.Start("systemd-analyze", new[] { "verify", unit });
        var exit = await verify.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"systemd-analyze verify exited {exit}:\n{verify.StandardErrorTail()}\n{verify.StandardOutputTail()}\n{File.ReadAllText(unit)}");
        Assert.DoesNotContain("rtmpx-rs1.service:", verify.StandardErrorTail());
    }
}
