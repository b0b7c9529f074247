using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>A view naming a type or property that does not exist is silently ignored by PowerShell: catch it here.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class FormatFileTests
    {
        private readonly BuiltModule module;
        private readonly XDocument format;

        public FormatFileTests(BuiltModule module)
        {
            this.module = module;
            format = XDocument.Load(Path.Combine(module.Folder, "RtmpXProtect.Format.ps1xml"));
        }

        [Fact]
        public void every_view_selects_a_type_of_the_module_or_engine()
        {
            var views = format.Descendants("View").ToList();
            Assert.True(views.Count >= 5);
            foreach (var view in views)
            {
                var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
                Assert.NotNull(Resolve(typeName));
            }
        }

        [Fact]
        public void every_column_names_a_property_of_its_type_and_headers_match_items()
        {
            foreach (var view in format.Descendants("View"))
            {
                var type = Resolve(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value)!;
                var table = view.Element("TableControl")!;
                Assert.Equal(table.Descendants("TableColumnHeader").Count(), table.Descendants("TableColumnItem").Count());
                foreach (var property in table.Descendants("PropertyName").Select(p => p.Value))
                {
                    Assert.True(type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) != null, $"{type.Name} has no {property}");
                }
            }
        }

        [Fact]
        public void the_cmdlets_output_types_have_views()
        {
            var viewed = format.Descendants("TypeName").Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var name in new[] { "RtmpXProtect.PSModule.Streams.RtmpStreamInfo", "RtmpXProtect.PSModule.Ingest.RtmpIngestInfo", "RtmpXProtect.Engine.Logging.LogLine", "RtmpXProtect.Engine.Management.IngestHost" })
            {
                Assert.Contains(name, viewed);
            }
        }

        [Fact]
        public void log_levels_are_coloured_only_where_the_host_supports_vt()
        {
            var level = format.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Value == "RtmpXProtect.Engine.Logging.LogLine")
                .Descendants("ScriptBlock").Single().Value;
            Assert.Contains("$Host.UI.SupportsVirtualTerminal", level, StringComparison.Ordinal);
            Assert.Contains("[char]27", level, StringComparison.Ordinal);
        }

        [Fact]
        public void views_keep_the_schemas_element_order()
        {
            // Format.ps1xml is validated against its schema on import: an element out of order fails the whole file.
            Assert.Equal(new[] { "ViewDefinitions" }, format.Root!.Elements().Select(e => e.Name.LocalName));
            foreach (var view in format.Descendants("View"))
            {
                var names = view.Elements().Select(e => e.Name.LocalName).ToList();
                Assert.Equal("Name", names[0]);
                Assert.Equal("ViewSelectedBy", names[1]);
                Assert.Equal("TableControl", names.Last());
                Assert.All(names.Skip(2).Take(names.Count - 3), n => Assert.Equal("GroupBy", n));
                var table = view.Element("TableControl")!.Elements().Select(e => e.Name.LocalName).ToList();
                Assert.Equal(new[] { "TableHeaders", "TableRowEntries" }, table.Where(n => n != "AutoSize" && n != "HideTableHeaders"));
                foreach (var entry in view.Descendants("TableRowEntry"))
                {
                    Assert.Equal("TableColumnItems", entry.Elements().Last().Name.LocalName);
                }

                foreach (var item in view.Descendants("TableColumnItem"))
                {
                    Assert.Single(item.Elements(), e => e.Name.LocalName is "PropertyName" or "ScriptBlock");
                }
            }
        }

        [Fact]
        public void script_blocks_name_members_of_their_type_and_run_in_windows_powershell()
        {
            foreach (var view in format.Descendants("View"))
            {
                var type = Resolve(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value)!;
                foreach (var script in view.Descendants("ScriptBlock").Select(s => s.Value))
                {
                    // Windows PowerShell 5.1 has no ?: ?? ?. operators and no `e escape: a parse error blanks the column.
                    Assert.DoesNotMatch(@"\?\?|\?\.|`e|\s\?\s", script);
                    foreach (System.Text.RegularExpressions.Match member in System.Text.RegularExpressions.Regex.Matches(script, @"\$_\.(\w+)(\()?"))
                    {
                        var name = member.Groups[1].Value;
                        var found = member.Groups[2].Success
                            ? type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == name)
                            : type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) != null;
                        Assert.True(found, $"{type.Name} has no {name} for the script block {script.Trim()}");
                    }
                }
            }
        }

        private Type? Resolve(string name) =>
            new[] { module.Module, module.Context.LoadFromAssemblyName("RtmpXProtect.Engine") }.Select(a => a.GetType(name)).FirstOrDefault(t => t != null);
    }
}
