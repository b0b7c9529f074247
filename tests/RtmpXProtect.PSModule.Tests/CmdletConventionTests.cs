using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>The conventions MilestonePSTools users expect, enforced because a forgotten one is silent.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class CmdletConventionTests
    {
        // Export writes a file, as Export-Csv does, which supports -WhatIf too.
        private static readonly string[] StateChangingVerbs = { "New", "Set", "Remove", "Start", "Stop", "Install", "Uninstall", "Export" };
        private static readonly string[] VerbClasses =
        {
            "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity",
        };

        private readonly BuiltModule module;

        public CmdletConventionTests(BuiltModule module) => this.module = module;

        [Fact]
        public void the_module_has_the_cmdlets_of_issues_6_10_11_and_13()
        {
            Assert.Equal(
                new[]
                {
                    "Export-RtmpXProtectRecording", "Get-RtmpIngest", "Get-RtmpInstance", "Get-RtmpInstanceCertificate", "Get-RtmpPath", "Get-RtmpStream", "Get-RtmpStreamLog", "Get-RtmpXProtectCamera", "Get-RtmpXProtectComponent",
                    "Install-RtmpInstance", "Install-RtmpXProtectComponent", "New-RtmpCertificate", "New-RtmpPublishToken", "New-RtmpStream",
                    "Remove-RtmpInstanceCertificate", "Remove-RtmpPath", "Remove-RtmpStream", "Set-RtmpInstance", "Set-RtmpInstanceCertificate", "Set-RtmpPath", "Set-RtmpStream",
                    "Start-RtmpIngest", "Start-RtmpStream", "Stop-RtmpIngest", "Stop-RtmpStream", "Test-RtmpEndpoint", "Uninstall-RtmpInstance", "Uninstall-RtmpXProtectComponent",
                },
                module.Cmdlets.Select(BuiltModule.CommandName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void every_cmdlet_uses_an_approved_verb_read_from_powershells_verb_classes()
        {
            var approved = VerbClasses
                .Select(name => module.PowerShell.GetType("System.Management.Automation." + name, throwOnError: true)!)
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Contains("Get", approved);
            Assert.True(approved.Count > 90, $"only {approved.Count} approved verbs read");
            foreach (var cmdlet in module.Cmdlets)
            {
                var verb = (string)BuiltModule.CmdletAttribute(cmdlet)!.ConstructorArguments[0].Value!;
                Assert.True(approved.Contains(verb), $"{cmdlet.Name}: '{verb}' is not an approved verb");
            }
        }

        [Fact]
        public void every_noun_has_the_rtmp_prefix_and_the_class_is_named_verb_noun_command()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                var attribute = BuiltModule.CmdletAttribute(cmdlet)!;
                var noun = (string)attribute.ConstructorArguments[1].Value!;
                Assert.StartsWith("Rtmp", noun, StringComparison.Ordinal);
                Assert.Equal($"{attribute.ConstructorArguments[0].Value}{noun}Command", cmdlet.Name);
            }
        }

        [Fact]
        public void every_cmdlet_declares_its_output_type()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                Assert.True(
                    cmdlet.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute"),
                    $"{cmdlet.Name} has no [OutputType]");
            }
        }

        [Fact]
        public void state_changing_verbs_support_should_process_and_others_do_not_pretend_to()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                var attribute = BuiltModule.CmdletAttribute(cmdlet)!;
                var changes = StateChangingVerbs.Contains((string)attribute.ConstructorArguments[0].Value!);
                Assert.True(
                    changes == ((bool?)BuiltModule.Named(attribute, "SupportsShouldProcess") ?? false),
                    $"{cmdlet.Name}: SupportsShouldProcess must be {changes}");
            }
        }

        [Fact]
        public void remove_cmdlets_ask_first_with_high_confirm_impact()
        {
            var removers = module.Cmdlets.Where(c => BuiltModule.CommandName(c).StartsWith("Remove-", StringComparison.Ordinal) || BuiltModule.CommandName(c).StartsWith("Uninstall-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(removers);
            foreach (var cmdlet in removers)
            {
                // ConfirmImpact.High is 3 in System.Management.Automation.
                Assert.Equal(3, BuiltModule.Named(BuiltModule.CmdletAttribute(cmdlet)!, "ConfirmImpact"));
            }
        }

        [Fact]
        public void secrets_are_bound_only_as_secure_strings_or_credentials()
        {
            var secretNames = new[] { "Key", "Password", "Secret", "DestinationUrl", "Credential" };
            var checkedCount = 0;
            foreach (var parameter in module.Cmdlets.SelectMany(BuiltModule.Parameters))
            {
                if (!secretNames.Any(s => parameter.Name.EndsWith(s, StringComparison.Ordinal)))
                {
                    continue;
                }

                checkedCount++;
                Assert.True(
                    parameter.PropertyType.FullName is "System.Security.SecureString" or "System.Security.SecureString[]" or "System.Management.Automation.PSCredential",
                    $"{parameter.DeclaringType!.Name}.{parameter.Name} is a {parameter.PropertyType.Name}");
            }

            Assert.True(checkedCount >= 7, $"only {checkedCount} secret parameters found");
        }

        [Fact]
        public void stream_name_parameters_complete_from_the_configuration()
        {
            var editors = new[] { "Get-RtmpStream", "Set-RtmpStream", "Remove-RtmpStream", "Start-RtmpStream", "Stop-RtmpStream", "Get-RtmpStreamLog" };
            foreach (var cmdlet in module.Cmdlets.Where(c => editors.Contains(BuiltModule.CommandName(c))))
            {
                var completer = cmdlet.GetProperty("Name")!.GetCustomAttributesData()
                    .Single(a => a.AttributeType.FullName == "System.Management.Automation.ArgumentCompleterAttribute");
                Assert.Equal("StreamNameCompleter", ((Type)completer.ConstructorArguments[0].Value!).Name);
            }
        }

        [Fact]
        public void new_rtmp_stream_binds_a_cameras_name_and_id_by_property_name()
        {
            var cmdlet = module.Cmdlets.Single(c => BuiltModule.CommandName(c) == "New-RtmpStream");
            foreach (var (property, alias) in new[] { ("Name", "CameraName"), ("CameraId", "Id") })
            {
                var attributes = cmdlet.GetProperty(property)!.GetCustomAttributesData();
                var parameter = attributes.Single(a => a.AttributeType.Name == "ParameterAttribute");
                Assert.Equal(true, BuiltModule.Named(parameter, "ValueFromPipelineByPropertyName"));
                var aliases = attributes.Single(a => a.AttributeType.Name == "AliasAttribute").ConstructorArguments[0].Value;
                Assert.Contains(alias, ((IEnumerable<CustomAttributeTypedArgument>)aliases!).Select(a => (string)a.Value!));
            }
        }
    }
}
