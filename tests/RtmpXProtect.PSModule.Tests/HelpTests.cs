using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>
    /// What MilestonePSTools' Help.tests.ps1 checks, read from the MAML the build generated: every command
    /// has a synopsis, a description, an example and help for each of its parameters.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class HelpTests
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private readonly BuiltModule module;
        private readonly Dictionary<string, XElement> help;

        public HelpTests(BuiltModule module)
        {
            this.module = module;
            var document = XDocument.Load(Path.Combine(module.Folder, "en-US", "RtmpXProtect.dll-Help.xml"));
            Assert.Equal("helpItems", document.Root!.Name.LocalName);
            help = document.Root.Elements(Command + "command")
                .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value, StringComparer.Ordinal);
        }

        [Fact]
        public void help_names_exactly_the_modules_cmdlets()
        {
            Assert.Equal(
                module.Cmdlets.Select(BuiltModule.CommandName).OrderBy(n => n, StringComparer.Ordinal),
                help.Keys.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void every_command_has_a_synopsis_a_description_and_an_example_with_code()
        {
            foreach (var (name, command) in help)
            {
                Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")?.Value), $"{name}: no synopsis");
                Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")?.Value), $"{name}: no description");
                var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
                Assert.True(examples.Count > 0, $"{name}: no example");
                Assert.All(examples, e => Assert.Contains(name, e.Element(Dev + "code")!.Value, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void every_parameter_has_help_and_help_names_no_parameter_the_cmdlet_lacks()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                var name = BuiltModule.CommandName(cmdlet);
                var expected = BuiltModule.Parameters(cmdlet).Select(p => p.Name).ToList();
                if ((bool?)BuiltModule.Named(BuiltModule.CmdletAttribute(cmdlet)!, "SupportsShouldProcess") == true)
                {
                    expected.AddRange(new[] { "WhatIf", "Confirm" });
                }

                var documented = help[name].Element(Command + "parameters")!.Elements(Command + "parameter")
                    .ToDictionary(p => p.Element(Maml + "name")!.Value, StringComparer.Ordinal);
                Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), documented.Keys.OrderBy(p => p, StringComparer.Ordinal));
                Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.Value.Element(Maml + "description")?.Value), $"{name} -{p.Key}: no description"));
            }
        }

        [Fact]
        public void documented_mandatory_flags_agree_with_the_cmdlet()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                var documented = help[BuiltModule.CommandName(cmdlet)].Element(Command + "parameters")!.Elements(Command + "parameter")
                    .ToDictionary(p => p.Element(Maml + "name")!.Value, p => (string)p.Attribute("required")!);
                foreach (var parameter in BuiltModule.Parameters(cmdlet))
                {
                    // Mandatory in any parameter set is documented as required.
                    var mandatory = parameter.GetCustomAttributesData()
                        .Where(a => a.AttributeType.Name == "ParameterAttribute")
                        .Any(a => (bool?)BuiltModule.Named(a, "Mandatory") == true);
                    Assert.True(mandatory.ToString().ToLowerInvariant() == documented[parameter.Name], $"{cmdlet.Name} -{parameter.Name}");
                }
            }
        }
    }
}
