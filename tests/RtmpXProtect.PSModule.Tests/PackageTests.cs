using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>The folder the MSBuild target lays out is the thing users copy: nothing missing, nothing extra.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class PackageTests
    {
        private readonly BuiltModule module;

        public PackageTests(BuiltModule module) => this.module = module;

        [Fact]
        public void the_folder_holds_manifest_root_module_format_help_and_bin_only()
        {
            var files = Directory.GetFiles(module.Folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(module.Folder, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(new[] { "RtmpXProtect.Format.ps1xml", "RtmpXProtect.psd1", "RtmpXProtect.psm1", "en-US/RtmpXProtect.dll-Help.xml" }, files);
        }

        [Fact]
        public void bin_holds_exactly_the_module_and_what_it_references_but_not_powershell()
        {
            var bin = Directory.GetFiles(module.Bin).Select(Path.GetFileName).OrderBy(f => f, StringComparer.OrdinalIgnoreCase).ToList();
            Assert.Contains("RtmpXProtect.dll", bin);
            Assert.Contains("RtmpXProtect.Engine.dll", bin);
            Assert.DoesNotContain("System.Management.Automation.dll", bin, StringComparer.OrdinalIgnoreCase);

            // Every file is an assembly the module needs: reachable from RtmpXProtect.dll through references found in bin.
            var reachable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<Assembly>(new[] { module.Module });
            while (pending.Count > 0)
            {
                var assembly = pending.Pop();
                if (!reachable.Add(assembly.GetName().Name + ".dll"))
                {
                    continue;
                }

                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    var file = Path.Combine(module.Bin, reference.Name + ".dll");
                    if (File.Exists(file) && !reachable.Contains(reference.Name + ".dll"))
                    {
                        pending.Push(module.Context.LoadFromAssemblyName(reference));
                    }
                }
            }

            Assert.Equal(reachable.OrderBy(f => f, StringComparer.OrdinalIgnoreCase), bin, StringComparer.OrdinalIgnoreCase);
        }

        [Fact]
        public void the_module_targets_netstandard_2_0_so_windows_powershell_loads_it()
        {
            var framework = module.Module.GetCustomAttributesData()
                .Single(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute");
            Assert.Equal(".NETStandard,Version=v2.0", framework.ConstructorArguments[0].Value);
        }
    }
}
