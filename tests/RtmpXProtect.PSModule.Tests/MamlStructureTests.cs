using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>
    /// The MAML laid out the way platyPS writes it and PowerShell's own *-help.xml files read: Get-Help does not
    /// complain about a file it cannot use, it shows the generated syntax instead, so the shape is checked here.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class MamlStructureTests
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };

        private readonly BuiltModule module;
        private readonly XDocument document;

        public MamlStructureTests(BuiltModule module)
        {
            this.module = module;
            document = XDocument.Load(Path.Combine(module.Folder, "en-US", "RtmpXProtect.dll-Help.xml"));
        }

        private IEnumerable<XElement> Commands => document.Root!.Elements(Command + "command");

        [Fact]
        public void the_root_is_msh_helpItems_with_the_maml_schema()
        {
            Assert.Equal(Msh + "helpItems", document.Root!.Name);
            Assert.Equal("maml", (string?)document.Root.Attribute("schema"));
            Assert.Equal(module.Cmdlets.Count, Commands.Count());
        }

        [Fact]
        public void commands_have_their_sections_in_platyps_order()
        {
            var order = new[] { Command + "details", Maml + "description", Command + "syntax", Command + "parameters", Command + "inputTypes", Command + "returnValues", Maml + "alertSet", Command + "examples", Command + "relatedLinks" };
            foreach (var command in Commands)
            {
                var names = command.Elements().Select(e => e.Name).ToList();
                Assert.All(names, n => Assert.Contains(n, order));
                Assert.Equal(names.OrderBy(n => Array.IndexOf(order, n)), names);
                foreach (var required in new[] { Command + "details", Maml + "description", Command + "syntax", Command + "parameters", Command + "examples" })
                {
                    Assert.Contains(required, names);
                }

                var details = command.Element(Command + "details")!.Elements().Select(e => e.Name).ToList();
                Assert.Equal(new[] { Command + "name", Command + "verb", Command + "noun", Maml + "description" }, details);
                var name = command.Element(Command + "details")!.Element(Command + "name")!.Value;
                Assert.Equal(name, $"{command.Element(Command + "details")!.Element(Command + "verb")!.Value}-{command.Element(Command + "details")!.Element(Command + "noun")!.Value}");
            }
        }

        [Fact]
        public void every_parameter_element_carries_the_attributes_get_help_prints()
        {
            var parameters = Commands.SelectMany(c => c.Descendants(Command + "parameter")).ToList();
            Assert.NotEmpty(parameters);
            foreach (var parameter in parameters)
            {
                var name = parameter.Element(Maml + "name")?.Value;
                Assert.False(string.IsNullOrEmpty(name));
                Assert.Contains((string?)parameter.Attribute("required"), new[] { "true", "false" });
                Assert.Contains((string?)parameter.Attribute("globbing"), new[] { "true", "false" });
                Assert.Contains((string?)parameter.Attribute("variableLength"), new[] { "true", "false" });
                Assert.Matches("^(named|[0-9]+)$", (string?)parameter.Attribute("position") ?? string.Empty);
                Assert.Matches(@"^(False|True \((ByValue|ByPropertyName|ByValue, ByPropertyName)\))$", (string?)parameter.Attribute("pipelineInput") ?? string.Empty);
                Assert.NotNull(parameter.Attribute("aliases"));
                Assert.Equal(Maml + "name", parameter.Elements().First().Name);
            }
        }

        [Fact]
        public void examples_have_a_title_code_and_remarks_in_that_order()
        {
            foreach (var example in Commands.SelectMany(c => c.Element(Command + "examples")!.Elements(Command + "example")))
            {
                Assert.Equal(new[] { Maml + "title", Dev + "code", Dev + "remarks" }, example.Elements().Select(e => e.Name));
            }
        }

        [Fact]
        public void position_and_pipeline_input_agree_with_the_cmdlet()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                var documented = Help(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter")
                    .ToDictionary(p => p.Element(Maml + "name")!.Value, StringComparer.Ordinal);
                foreach (var parameter in BuiltModule.Parameters(cmdlet))
                {
                    var attributes = ParameterAttributes(parameter).ToList();
                    var position = attributes.Select(a => BuiltModule.Named(a, "Position")).OfType<int>().Where(p => p >= 0).Select(p => p.ToString()).FirstOrDefault() ?? "named";
                    var byValue = attributes.Any(a => (bool?)BuiltModule.Named(a, "ValueFromPipeline") == true);
                    var byName = attributes.Any(a => (bool?)BuiltModule.Named(a, "ValueFromPipelineByPropertyName") == true);
                    var pipeline = byValue && byName ? "True (ByValue, ByPropertyName)" : byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";
                    var help = documented[parameter.Name];
                    Assert.True(position == (string)help.Attribute("position")!, $"{cmdlet.Name} -{parameter.Name}: position {position}, help says {help.Attribute("position")}");
                    Assert.True(pipeline == (string)help.Attribute("pipelineInput")!, $"{cmdlet.Name} -{parameter.Name}: {pipeline}, help says {help.Attribute("pipelineInput")}");
                }
            }
        }

        [Fact]
        public void syntax_has_one_item_per_parameter_set_with_that_sets_parameters()
        {
            foreach (var cmdlet in module.Cmdlets)
            {
                var parameters = BuiltModule.Parameters(cmdlet);
                var named = parameters.SelectMany(ParameterAttributes).Select(SetName).Where(s => s != null).Distinct().ToList();
                var expected = (named.Count == 0 ? new List<string?> { null } : named)
                    .Select(set => parameters.Where(p => ParameterAttributes(p).Any(a => SetName(a) == null || SetName(a) == set)).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList())
                    .Select(names => string.Join(" ", names))
                    .OrderBy(s => s, StringComparer.Ordinal);
                var documented = Help(cmdlet).Element(Command + "syntax")!.Elements(Command + "syntaxItem")
                    .Select(item => item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).Where(n => !ShouldProcessParameters.Contains(n)).OrderBy(n => n, StringComparer.Ordinal))
                    .Select(names => string.Join(" ", names))
                    .OrderBy(s => s, StringComparer.Ordinal);
                Assert.Equal(expected, documented);
            }
        }

        private XElement Help(Type cmdlet) =>
            Commands.Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == BuiltModule.CommandName(cmdlet));

        private static IEnumerable<CustomAttributeData> ParameterAttributes(PropertyInfo property) =>
            property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute");

        // "__AllParameterSets" is what [Parameter] without ParameterSetName means.
        private static string? SetName(CustomAttributeData attribute) =>
            BuiltModule.Named(attribute, "ParameterSetName") is string set && set != "__AllParameterSets" ? set : null;
    }
}
