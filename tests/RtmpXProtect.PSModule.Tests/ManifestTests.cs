using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>The manifest is what Import-Module and the gallery read: it must agree with the binary.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class ManifestTests
    {
        private readonly BuiltModule module;
        private readonly string manifest;

        public ManifestTests(BuiltModule module)
        {
            this.module = module;
            manifest = File.ReadAllText(Path.Combine(module.Folder, "RtmpXProtect.psd1"));
        }

        [Fact]
        public void cmdlets_to_export_equals_the_cmdlet_classes()
        {
            var exported = Strings(Setting("CmdletsToExport"));
            Assert.Equal(
                module.Cmdlets.Select(BuiltModule.CommandName).OrderBy(n => n, StringComparer.Ordinal),
                exported.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void root_module_and_formats_name_files_of_the_package()
        {
            // The DSC adapter resolves a class in the module of the root file that declares it, and names
            // the resource type after that file: it must be RtmpXProtect.psm1, with the cmdlets nested.
            Assert.Equal("RtmpXProtect.psm1", Strings(Setting("RootModule")).Single());
            Assert.True(File.Exists(Path.Combine(module.Folder, Strings(Setting("RootModule")).Single())));
            Assert.Equal(new[] { "bin/RtmpXProtect.dll" }, Strings(Setting("NestedModules")));
            Assert.True(File.Exists(Path.Combine(module.Folder, "bin", "RtmpXProtect.dll")));
            Assert.Equal(new[] { "RtmpCertificate", "RtmpInstance", "RtmpPath", "RtmpStream", "RtmpXProtectDriver", "RtmpXProtectPlugin" }, Strings(Setting("DscResourcesToExport")).OrderBy(n => n, StringComparer.Ordinal));
            var formats = Strings(Setting("FormatsToProcess"));
            Assert.NotEmpty(formats);
            Assert.All(formats, f => Assert.True(File.Exists(Path.Combine(module.Folder, f)), f));
        }

        [Fact]
        public void it_loads_in_windows_powershell_5_1_and_powershell_7()
        {
            Assert.Equal(new[] { "Core", "Desktop" }, Strings(Setting("CompatiblePSEditions")).OrderBy(e => e, StringComparer.Ordinal));
            Assert.Equal("5.1", Strings(Setting("PowerShellVersion")).Single());
            Assert.True(Guid.TryParse(Strings(Setting("GUID")).Single(), out _));
            Assert.Matches(@"^\d+\.\d+\.\d+$", Strings(Setting("ModuleVersion")).Single());
        }

        [Fact]
        public void gallery_metadata_has_tags_project_and_license()
        {
            Assert.Contains("XProtect", Strings(Setting("Tags")));
            Assert.StartsWith("https://", Strings(Setting("ProjectUri")).Single(), StringComparison.Ordinal);
            Assert.StartsWith("https://", Strings(Setting("LicenseUri")).Single(), StringComparison.Ordinal);
        }

        // A psd1 is a PowerShell hashtable; its settings here are a quoted string or an @( ... ) list of them.
        private string Setting(string key)
        {
            var match = Regex.Match(manifest, @"^\s*" + key + @"\s*=\s*(@\((?<value>[^)]*)\)|(?<value>'[^']*'))", RegexOptions.Multiline);
            Assert.True(match.Success, $"{key} is missing from the manifest");
            return match.Groups["value"].Value;
        }

        private static string[] Strings(string value) =>
            Regex.Matches(value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
    }
}
