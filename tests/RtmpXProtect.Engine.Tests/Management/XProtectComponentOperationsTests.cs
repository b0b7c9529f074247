using System;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.XProtect;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management;

/// <summary>The driver's file layout under a temporary root: install, upgrade, remove, and the refusals.</summary>
public sealed class XProtectComponentOperationsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rtmpx-xpcomponent-" + Guid.NewGuid().ToString("N"));
    private readonly XProtectComponentOperations _driver = new(XProtectComponent.Driver);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    // A package: an assembly under the driver's name (any real assembly, for its version) and the .def.
    private string Package(string name, string assemblyPath)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "packages", name)).FullName;
        File.Copy(assemblyPath, Path.Combine(folder, "RtmpXProtect.Driver.dll"));
        File.WriteAllText(Path.Combine(folder, "RtmpXProtect.Driver.def"), "<plugin><file name=\"RtmpXProtect.Driver.dll\" /></plugin>");
        Directory.CreateDirectory(Path.Combine(folder, "runtimes"));
        File.WriteAllText(Path.Combine(folder, "runtimes", "note.txt"), name);
        return folder;
    }

    private Desired<XProtectComponentResource> Desire(string? package, bool exist = true) =>
        new(new XProtectComponentResource { Root = _root, Package = package, Exist = exist }, new[] { "root", "package", "_exist" });

    [Fact]
    public void Install_upgrade_and_remove_leave_the_folder_xprotect_loads_as_asked()
    {
        var first = Package("first", typeof(XProtectComponent).Assembly.Location);
        var second = Package("second", typeof(object).Assembly.Location);
        var target = Path.Combine(_root, "Milestone", "MIPDrivers", "RtmpXProtect");

        Assert.False(_driver.Get(_root).Exist);
        Assert.Equal(new[] { "_exist" }, _driver.Test(Desire(first)).Differing);

        var installed = _driver.Set(Desire(first));
        Assert.True(installed.Exist);
        Assert.Equal(target, installed.Path);
        Assert.Equal(typeof(XProtectComponent).Assembly.GetName().Version!.ToString(), installed.Version);
        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "runtimes", "note.txt")));
        Assert.True(_driver.Test(Desire(first)).InDesiredState);

        Assert.Equal(new[] { "version" }, _driver.Test(Desire(second)).Differing);
        var upgraded = _driver.Set(Desire(second));
        Assert.Equal(typeof(object).Assembly.GetName().Version!.ToString(), upgraded.Version);
        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "runtimes", "note.txt")));
        Assert.False(Directory.Exists(target + ".old") || Directory.Exists(target + ".new"), "no staging folder is left behind");

        _driver.Set(Desire(null, exist: false));
        Assert.False(Directory.Exists(target));
        Assert.False(_driver.Get(_root).Exist);
    }

    [Fact]
    public void A_folder_that_is_not_the_driver_and_a_missing_package_are_refused_by_name()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        Assert.Contains("holds no RtmpXProtect.Driver.dll", Assert.Throws<ResourceInputException>(() => _driver.Set(Desire(empty))).Message);
        Assert.StartsWith("package:", Assert.Throws<ResourceInputException>(() => _driver.Set(Desire(null))).Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "Milestone")));
    }

    [Fact]
    public void The_plugin_goes_to_mip_plugins_and_a_service_restart_is_refused_off_windows()
    {
        Assert.EndsWith(Path.Combine("Milestone", "MIPPlugins", "RtmpXProtect"), XProtectComponent.Plugin.Target(_root));
        Assert.Equal("MilestoneEventServerService", XProtectComponent.Plugin.Service);
        if (!OperatingSystem.IsWindows())
        {
            var package = Package("first", typeof(XProtectComponent).Assembly.Location);
            var desired = new Desired<XProtectComponentResource>(new XProtectComponentResource { Root = _root, Package = package, RestartService = true }, new[] { "root", "package", "restartService" });
            Assert.StartsWith("restartService:", Assert.Throws<ResourceInputException>(() => _driver.Set(desired)).Message);
            Assert.Equal("Unknown", _driver.Get(_root).ServiceState);
        }
    }
}
