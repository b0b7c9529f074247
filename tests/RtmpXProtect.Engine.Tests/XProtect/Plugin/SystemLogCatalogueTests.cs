using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.XProtect.Plugin;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin
{
    public class SystemLogCatalogueTests
    {
        [Fact]
        public void Every_kind_has_one_definition_with_a_unique_id_and_only_declared_parameters()
        {
            Assert.Equal(Enum.GetValues(typeof(SystemLogEntryKind)).Cast<SystemLogEntryKind>().OrderBy(k => k), SystemLogCatalogue.All.Select(d => d.Kind).OrderBy(k => k));
            Assert.Equal(SystemLogCatalogue.All.Count, SystemLogCatalogue.All.Select(d => d.Id).Distinct().Count());
            foreach (var definition in SystemLogCatalogue.All)
            {
                var holes = System.Text.RegularExpressions.Regex.Matches(definition.Template, @"\{(\w+)\}").Cast<System.Text.RegularExpressions.Match>().Select(m => m.Groups[1].Value);
                Assert.Equal(definition.Parameters.OrderBy(p => p), holes.OrderBy(p => p));
            }
        }

        [Fact]
        public void A_template_renders_its_parameters()
        {
            var text = SystemLogCatalogue.Of(SystemLogEntryKind.StreamConnected).Render(new Dictionary<string, string> { ["CameraName"] = "Lobby", ["Destination"] = "rtmp://h:1935/live/****" });
            Assert.Equal("Camera Lobby is streaming to rtmp://h:1935/live/****", text);
        }
    }
}
