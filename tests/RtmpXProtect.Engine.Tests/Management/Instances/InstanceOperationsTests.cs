using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management.Instances;

public sealed class InstanceOperationsTests : IDisposable
{
    private readonly InstanceSandbox _machine = new InstanceSandbox();

    public void Dispose() => _machine.Dispose();

    private string Rs1 => $$"""
        { "name": "rs1", "root": {{Json(_machine.Root("rs1"))}}, "package": {{Json(_machine.Package("0.7.0"))}},
          "rtmp": "127.0.0.1:19351", "api": "127.0.0.1:19851", "service": "none",
          "config": { "limits": { "maxConnections": 500 }, "record": { "directory": "recordings" } } }
        """;

    [Fact]
    public void Installing_lays_out_the_root_registers_the_instance_and_writes_its_configuration()
    {
        var after = _machine.Operations.Set(InstanceSandbox.Desire(Rs1));

        var root = _machine.Root("rs1");
        foreach (var folder in new[] { "bin", "certs", "secrets", "logs", "recordings" })
        {
            Assert.True(Directory.Exists(Path.Combine(root, folder)), folder);
        }

        Assert.True(File.Exists(Path.Combine(root, "bin", "rtmpx")));
        Assert.Equal("0.7.0", after.Version);
        Assert.Equal("127.0.0.1:19351", after.Rtmp);
        Assert.Null(after.Rtmps);
        Assert.Equal("127.0.0.1:19851", after.Api);
        Assert.Equal(ServiceKind.None, after.Service);
        Assert.Equal(InstanceRunState.Stopped, after.State);
        Assert.Equal(500, after.Config!["limits"]!["maxConnections"]!.GetValue<int>());
        Assert.Equal("logs/rtmpx.log", JsonNode.Parse(File.ReadAllText(Path.Combine(root, "rtmpx.json")))!["logging"]!["file"]!.GetValue<string>());
        Assert.Single(_machine.Operations.Registry.List());
        Assert.True(_machine.Operations.Test(InstanceSandbox.Desire(Rs1)).InDesiredState);
    }

    [Fact]
    public void Rtsp_is_off_until_the_rtsp_property_names_a_port_and_its_port_counts_against_other_instances()
    {
        var off = _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        Assert.Null(off.Rtsp);
        Assert.False(JsonNode.Parse(File.ReadAllText(Path.Combine(_machine.Root("rs1"), "rtmpx.json")))!["listeners"]!["rtsp"]!["enabled"]!.GetValue<bool>());

        var on = _machine.Operations.Set(InstanceSandbox.Desire(Rs1.Replace("\"service\": \"none\"", "\"rtsp\": \"0.0.0.0:18554\", \"service\": \"none\"")));
        Assert.Equal("0.0.0.0:18554", on.Rtsp);
        Assert.False(_machine.Operations.Test(InstanceSandbox.Desire(Rs1.Replace("\"service\": \"none\"", "\"rtsp\": \"0.0.0.0:18555\", \"service\": \"none\""))).InDesiredState);

        var clash = $$"""{ "name": "rs2", "root": {{Json(_machine.Root("rs2"))}}, "package": {{Json(_machine.Package("0.7.0"))}}, "rtmp": "127.0.0.1:19352", "rtsp": "127.0.0.1:18554", "api": "127.0.0.1:19852", "service": "none" }""";
        var e = Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(clash)));
        Assert.Contains("rtsp", e.Message);
    }

    [Fact]
    public void A_second_set_of_the_same_state_writes_no_file()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var before = Stamps(_machine.Folder);

        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));

        Assert.Equal(before, Stamps(_machine.Folder));
    }

    [Fact]
    public void A_hand_edit_of_a_desired_key_is_found_by_test_and_repaired_by_set()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var file = Path.Combine(_machine.Root("rs1"), "rtmpx.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("500", "7").Replace("127.0.0.1:19351", "127.0.0.1:19999"));

        var test = _machine.Operations.Test(InstanceSandbox.Desire(Rs1));
        Assert.Equal(new[] { "rtmp", "config" }, test.Differing);

        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        Assert.True(_machine.Operations.Test(InstanceSandbox.Desire(Rs1)).InDesiredState);
    }

    [Fact]
    public void A_file_broken_by_hand_is_not_in_the_desired_state_and_set_writes_it_anew()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        File.WriteAllText(Path.Combine(_machine.Root("rs1"), "rtmpx.json"), "{ \"limits\": ");
        Assert.Contains("config", _machine.Operations.Test(InstanceSandbox.Desire(Rs1)).Differing);

        var warnings = new List<string>();
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1), new OperationLog(null, warnings.Add));
        Assert.Contains(warnings, w => w.Contains("was invalid"));
        Assert.True(_machine.Operations.Test(InstanceSandbox.Desire(Rs1)).InDesiredState);
    }

    [Fact]
    public void A_package_of_another_version_replaces_the_installed_rtmpx()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var newer = InstanceSandbox.Desire($$"""{ "name": "rs1", "package": {{Json(_machine.Package("0.7.1"))}} }""");
        Assert.Equal(new[] { "package" }, _machine.Operations.Test(newer).Differing);

        var after = _machine.Operations.Set(newer);

        Assert.Equal("0.7.1", after.Version);
        Assert.Equal("0.7.1", File.ReadAllText(Path.Combine(_machine.Root("rs1"), "bin", "rtmpx.dll")));
        Assert.Equal(new[] { ".rtmpx-instance", "bin", "certs", "logs", "recordings", "rtmpx.json", "secrets" }, Directory.GetFileSystemEntries(_machine.Root("rs1")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(_machine.Operations.Test(newer).InDesiredState);
    }

    [Theory]
    [InlineData("""{ "name": "rs1", "api": "0.0.0.0:1985" }""", "api: 0.0.0.0:1985 is not a loopback address")]
    [InlineData("""{ "name": "rs1", "rtmp": "localhost:1935" }""", "rtmp: 'localhost:1935' is not ADDRESS:PORT")]
    [InlineData("""{ "name": "rs1", "config": { "limits": { "maxConnections": 0 } } }""", "limits.maxConnections must be 1–100000")]
    [InlineData("""{ "name": "rs1", "config": { "paths": { "entries": {} } } }""", "config.paths.entries: paths of an instance are RtmpXProtect/Path resources")]
    [InlineData("""{ "name": "rs1", "config": { "streams": {} } }""", "config.streams: not a section")]
    [InlineData("""{ "name": "rs1", "package": "/nowhere/rtmpx.zip" }""", "package: /nowhere/rtmpx.zip does not exist")]
    public void A_set_that_cannot_be_applied_changes_nothing_and_says_which_property(string desired, string error)
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var before = Stamps(_machine.Folder);

        var e = Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(desired)));

        Assert.Contains(error, e.Message);
        Assert.Equal(before, Stamps(_machine.Folder));
    }

    [Fact]
    public void Two_instances_cannot_take_the_same_port_and_an_instance_does_not_move()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var clash = $$"""{ "name": "rs2", "root": {{Json(_machine.Root("rs2"))}}, "package": {{Json(_machine.Package("0.7.0"))}}, "rtmp": "0.0.0.0:19351", "api": "127.0.0.1:19852", "service": "none" }""";
        Assert.Contains("rtmp: 0.0.0.0:19351 is taken by instance rs1", Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(clash))).Message);
        Assert.False(Directory.Exists(_machine.Root("rs2")));

        var moved = $$"""{ "name": "rs1", "root": {{Json(_machine.Root("elsewhere"))}} }""";
        Assert.Contains("does not move", Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(moved))).Message);
    }

    [Fact]
    public void Keys_written_into_the_configuration_by_hand_are_masked_in_what_get_returns_and_kept_by_a_set()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var file = Path.Combine(_machine.Root("rs1"), "rtmpx.json");
        var document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        (document["paths"] ??= new JsonObject())["publishKeys"] = new JsonArray("site-key-123");
        File.WriteAllText(file, document.ToJsonString());

        var shown = ResourceJson.Write(_machine.Operations.Get("rs1")).ToJsonString();

        Assert.DoesNotContain("site-key-123", shown);
        Assert.Contains("\"publishKeys\":[\"****\"]", shown);
        Assert.True(_machine.Operations.Test(InstanceSandbox.Desire(Rs1)).InDesiredState);
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1.Replace("\"maxConnections\": 500", "\"maxConnections\": 600")));
        Assert.Contains("site-key-123", File.ReadAllText(file));
    }

    [Fact]
    public void Keys_in_a_desired_config_are_refused_because_get_would_show_them()
    {
        var keyed = Rs1.Replace("\"record\"", "\"paths\": { \"publishKeys\": [\"site-key-123\"] }, \"record\"");

        var e = Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(keyed)));

        Assert.Contains("config.paths.publishKeys", e.Message);
        Assert.DoesNotContain("site-key-123", e.Message);
    }

    [Fact]
    public void Exist_false_removes_the_root_and_the_registry_entry_and_export_lists_what_is_left()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        _machine.Operations.Set(InstanceSandbox.Desire($$"""{ "name": "rs2", "root": {{Json(_machine.Root("rs2"))}}, "package": {{Json(_machine.Package("0.7.0"))}}, "rtmp": "127.0.0.1:19352", "api": "127.0.0.1:19852", "service": "none" }"""));
        Assert.Equal(new[] { "rs1", "rs2" }, _machine.Operations.Export().Select(i => i.Name));

        var gone = InstanceSandbox.Desire("""{ "name": "rs1", "_exist": false }""");
        Assert.Equal(new[] { "_exist" }, _machine.Operations.Test(gone).Differing);
        var after = _machine.Operations.Set(gone);

        Assert.False(after.Exist);
        Assert.False(Directory.Exists(_machine.Root("rs1")));
        Assert.Equal(new[] { "rs2" }, _machine.Operations.Export().Select(i => i.Name));
        Assert.True(_machine.Operations.Test(gone).InDesiredState);
    }

    [Fact]
    public void A_folder_that_holds_files_of_its_own_is_never_taken_for_a_root()
    {
        Directory.CreateDirectory(_machine.Root("rs1"));
        var notes = Path.Combine(_machine.Root("rs1"), "notes.txt");
        File.WriteAllText(notes, "the operator's");

        var e = Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(Rs1)));

        Assert.Contains("holds files of its own", e.Message);
        Assert.Equal(new[] { notes }, Directory.GetFileSystemEntries(_machine.Root("rs1")));
        Assert.Empty(_machine.Operations.Export());
    }

    [Fact]
    public void The_root_of_one_instance_is_not_taken_by_another()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        var shared = $$"""{ "name": "rs2", "root": {{Json(_machine.Root("rs1"))}}, "package": {{Json(_machine.Package("0.7.0"))}}, "rtmp": "127.0.0.1:19352", "api": "127.0.0.1:19852", "service": "none" }""";

        var e = Assert.Throws<ResourceInputException>(() => _machine.Operations.Set(InstanceSandbox.Desire(shared)));

        Assert.Contains("is the root of instance rs1", e.Message);
        Assert.Equal(new[] { "rs1" }, _machine.Operations.Export().Select(i => i.Name));
    }

    [Fact]
    public void Removal_deletes_nothing_when_the_root_no_longer_carries_the_instances_marker()
    {
        _machine.Operations.Set(InstanceSandbox.Desire(Rs1));
        File.Delete(Path.Combine(_machine.Root("rs1"), InstanceLayout.MarkerFile));

        var e = Assert.Throws<ResourceOperationException>(() => _machine.Operations.Set(InstanceSandbox.Desire("""{ "name": "rs1", "_exist": false }""")));

        Assert.Contains("not marked as the root of instance rs1", e.Message);
        Assert.True(File.Exists(Path.Combine(_machine.Root("rs1"), "rtmpx.json")));
        Assert.Equal(new[] { "rs1" }, _machine.Operations.Export().Select(i => i.Name));
    }

    [Fact]
    public void A_config_with_webhooks_commands_and_enum_values_converges_and_shows_no_token()
    {
        var hooked = Rs1.Replace("\"record\"", """
            "hooks": { "webhooks": [ { "url": "https://hooks.slack.example/services/T0/B0/slack-token-77" } ],
                       "commands": [ { "path": "/usr/bin/curl", "args": ["-H", "Authorization: Bearer curl-token-88"] } ] },
            "logging": { "level": "Warning" }, "record"
            """);
        _machine.Operations.Set(InstanceSandbox.Desire(hooked));

        Assert.True(_machine.Operations.Test(InstanceSandbox.Desire(hooked)).InDesiredState);
        var shown = ResourceJson.Write(_machine.Operations.Get("rs1")).ToJsonString();
        Assert.DoesNotContain("slack-token-77", shown);
        Assert.DoesNotContain("curl-token-88", shown);
        Assert.Contains("https://hooks.slack.example/****", shown);
    }

    [Fact]
    public void An_instance_that_is_not_there_is_reported_with_exist_false()
    {
        var missing = _machine.Operations.Get("nope");
        Assert.False(missing.Exist);
        Assert.Equal("""{"name":"nope","_exist":false,"rtmp":null,"rtmps":null,"rtsp":null,"api":null}""", ResourceJson.Write(missing).ToJsonString());
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static Dictionary<string, DateTime> Stamps(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => f, File.GetLastWriteTimeUtc);
}
