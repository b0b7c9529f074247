using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// Every operation of every resource, run by the stand-in exactly as dsc runs it from dsc/ (the real
/// rtmpx on PATH, stdin, the manifest's folder as working directory), each input and output checked
/// against the embedded schema; secrets given as input are never in what comes back.
/// </summary>
public sealed class ResourceOperationTests : IDisposable
{
    private const string PathKey = "dsc-publish-key-7f3";
    private const string StreamUrl = "rtmp://a.rtmp.youtube.com/live2/dsc-yt-key-91c";
    private readonly DscSandbox _machine = new DscSandbox();

    public void Dispose() => _machine.Dispose();

    private JsonObject Instance(string extra = "") => Json($$"""
        { "name": "rs1", "root": {{Quote(_machine.Root("rs1"))}}, "package": {{Quote(_machine.PlaceholderPackage("0.7.0"))}},
          "rtmp": "127.0.0.1:19381", "rtmps": "127.0.0.1:19382", "api": "127.0.0.1:19881", "service": "none"{{extra}} }
        """);

    [Fact]
    public void Instance_get_set_test_export_and_delete_as_dsc_runs_them()
    {
        var dsc = _machine.Engine;
        Assert.False(dsc.Get("RtmpXProtect/Instance", Json("""{ "name": "rs1" }"""))["_exist"]!.GetValue<bool>());
        Assert.False(dsc.Test("RtmpXProtect/Instance", Instance()).InDesiredState);

        var after = dsc.Set("RtmpXProtect/Instance", Instance());
        Assert.Equal("0.7.0", after["version"]!.GetValue<string>());
        Assert.False(after.ContainsKey("package"));
        var (actual, inDesired, _) = dsc.Test("RtmpXProtect/Instance", Instance());
        Assert.True(inDesired);
        Assert.True(actual["_inDesiredState"]!.GetValue<bool>());
        Assert.Equal(new[] { "rs1" }, dsc.Export("RtmpXProtect/Instance").Select(i => i["name"]!.GetValue<string>()));

        dsc.Delete("RtmpXProtect/Instance", Json("""{ "name": "rs1" }"""));
        Assert.False(dsc.Get("RtmpXProtect/Instance", Json("""{ "name": "rs1" }"""))["_exist"]!.GetValue<bool>());
        Assert.False(Directory.Exists(_machine.Root("rs1")));
        Assert.Empty(dsc.Export("RtmpXProtect/Instance"));
    }

    [Fact]
    public void The_driver_is_installed_tested_and_removed_under_a_root_as_dsc_runs_it()
    {
        var dsc = _machine.Engine;
        var root = _machine.Root("programfiles");
        var package = Directory.CreateDirectory(_machine.Root("driver-package")).FullName;
        File.Copy(typeof(Engine.Management.XProtect.XProtectComponent).Assembly.Location, Path.Combine(package, "RtmpXProtect.Driver.dll"));
        File.WriteAllText(Path.Combine(package, "RtmpXProtect.Driver.def"), "<plugin><file name=\"RtmpXProtect.Driver.dll\" /></plugin>");
        var desired = Json($$"""{ "root": {{Quote(root)}}, "package": {{Quote(package)}} }""");

        Assert.False(dsc.Get("RtmpXProtect/Driver", Json($$"""{ "root": {{Quote(root)}} }"""))["_exist"]!.GetValue<bool>());
        var after = dsc.Set("RtmpXProtect/Driver", desired);

        Assert.True(after["_exist"]!.GetValue<bool>());
        Assert.Equal(Path.Combine(root, "Milestone", "MIPDrivers", "RtmpXProtect"), after["path"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(root, "Milestone", "MIPDrivers", "RtmpXProtect", "RtmpXProtect.Driver.def")));
        Assert.False(after.ContainsKey("package"));
        Assert.True(dsc.Test("RtmpXProtect/Driver", desired).InDesiredState);

        dsc.Delete("RtmpXProtect/Driver", Json($$"""{ "root": {{Quote(root)}} }"""));
        Assert.False(Directory.Exists(Path.Combine(root, "Milestone", "MIPDrivers", "RtmpXProtect")));
    }

    [Fact]
    public void Exist_false_through_set_removes_the_instance_since_set_handles_exist()
    {
        _machine.Engine.Set("RtmpXProtect/Instance", Instance());
        var gone = _machine.Engine.Set("RtmpXProtect/Instance", Json("""{ "name": "rs1", "_exist": false }"""));
        Assert.False(gone["_exist"]!.GetValue<bool>());
        Assert.False(Directory.Exists(_machine.Root("rs1")));
    }

    [Fact]
    public void Certificate_path_and_stream_of_an_instance_as_dsc_runs_them_without_echoing_a_secret()
    {
        var dsc = _machine.Engine;
        dsc.Set("RtmpXProtect/Instance", Instance());
        var certificate = Json("""{ "instance": "rs1", "dnsNames": ["rs1.site.example"], "validDays": 90, "renewDaysBefore": 30 }""");
        var path = Json($$"""{ "instance": "rs1", "path": "live/cam1", "publishKeys": ["{{PathKey}}"] }""");
        var stream = Json($$"""{ "instance": "rs1", "name": "lobby", "source": "ingest:live/cam1", "destinations": [ { "url": "{{StreamUrl}}" } ] }""");

        var outputs = new[]
        {
            dsc.Set("RtmpXProtect/Certificate", certificate),
            dsc.Set("RtmpXProtect/Path", path),
            dsc.Set("RtmpXProtect/Stream", stream),
        };

        Assert.Equal("CN=rs1.site.example", outputs[0]["subject"]!.GetValue<string>());
        Assert.Equal(1, outputs[1]["publishKeyCount"]!.GetValue<int>());
        Assert.Equal("rtmp://a.rtmp.youtube.com:1935/live2/****", outputs[2]["destinations"]![0]!["shown"]!.GetValue<string>());
        foreach (var (type, desired) in new[] { ("RtmpXProtect/Certificate", certificate), ("RtmpXProtect/Path", path), ("RtmpXProtect/Stream", stream) })
        {
            var (actual, inDesired, _) = dsc.Test(type, desired);
            Assert.True(inDesired, type);
            Assert.Single(dsc.Export(type));
            outputs = outputs.Append(actual).Append(dsc.Get(type, desired)).ToArray();
        }

        var everything = string.Join("\n", outputs.Select(o => o.ToJsonString()));
        Assert.DoesNotContain(PathKey, everything);
        Assert.DoesNotContain("dsc-yt-key-91c", everything);

        dsc.Delete("RtmpXProtect/Stream", Json("""{ "instance": "rs1", "name": "lobby" }"""));
        dsc.Delete("RtmpXProtect/Path", Json("""{ "instance": "rs1", "path": "live/cam1" }"""));
        dsc.Delete("RtmpXProtect/Certificate", Json("""{ "instance": "rs1" }"""));
        Assert.Empty(dsc.Export("RtmpXProtect/Stream"));
        Assert.Empty(dsc.Export("RtmpXProtect/Path"));
        Assert.Empty(dsc.Export("RtmpXProtect/Certificate"));
    }

    [Fact]
    public void Secrets_as_dsc_3_2_passes_secure_parameters_are_taken_and_a_rotated_key_is_drift_that_set_repairs()
    {
        var dsc = _machine.Engine;
        dsc.Set("RtmpXProtect/Instance", Instance());
        var wrappedItems = Json($$"""{ "instance": "rs1", "path": "live/cam1", "publishKeys": [{ "secureString": "{{PathKey}}" }] }""");
        var wrappedArray = Json($$"""{ "instance": "rs1", "path": "live/cam1", "publishKeys": { "secureObject": ["{{PathKey}}"] } }""");
        var stream = Json($$"""{ "instance": "rs1", "name": "lobby", "source": "ingest:live/cam1", "destinations": [ { "url": { "secureString": "{{StreamUrl}}" } } ] }""");

        Assert.Equal(1, dsc.Set("RtmpXProtect/Path", wrappedItems)["publishKeyCount"]!.GetValue<int>());
        Assert.True(dsc.Test("RtmpXProtect/Path", wrappedArray).InDesiredState);
        dsc.Set("RtmpXProtect/Stream", stream);
        // In the desired state by the resource's word; dsc's own diff still names destinations, whose
        // URL is never read back (a display matter of dsc's differingProperties, not a flap).
        Assert.True(dsc.Test("RtmpXProtect/Stream", stream).InDesiredState);

        // A key is compared by the resource (_inDesiredState), since dsc never sees one read back.
        var rotated = Json("""{ "instance": "rs1", "path": "live/cam1", "publishKeys": [{ "secureString": "dsc-rotated-key-5d1" }] }""");
        Assert.False(dsc.Test("RtmpXProtect/Path", rotated).InDesiredState);
        var document = Json("""
            { "$schema": "https://aka.ms/dsc/schemas/v3/bundled/config/document.json",
              "parameters": { "key": { "type": "secureString" } },
              "resources": [ { "name": "cam1", "type": "RtmpXProtect/Path", "properties": { "instance": "rs1", "path": "live/cam1", "publishKeys": ["[parameters('key')]"] } } ] }
            """);
        var parameters = new System.Collections.Generic.Dictionary<string, JsonNode?> { ["key"] = "dsc-rotated-key-5d1" };
        Assert.DoesNotContain("dsc-rotated-key-5d1", dsc.ConfigSet(document, parameters).ToJsonString());
        Assert.True(dsc.Test("RtmpXProtect/Path", rotated).InDesiredState);
        Assert.False(dsc.Test("RtmpXProtect/Path", wrappedItems).InDesiredState);
        var tested = dsc.ConfigTest(document, parameters)["results"]![0]!["result"]!;
        Assert.True(tested["inDesiredState"]!.GetValue<bool>());
        Assert.Equal("<secureValue>", tested["desiredState"]!["publishKeys"]![0]!.GetValue<string>());
        Assert.DoesNotContain("dsc-rotated-key-5d1", tested.ToJsonString());
    }

    [Fact]
    public void A_secure_value_that_is_not_dscs_wrapper_is_refused_without_quoting_it()
    {
        _machine.Engine.Set("RtmpXProtect/Instance", Instance());
        var error = Assert.Throws<InvalidOperationException>(() => _machine.Engine.Set("RtmpXProtect/Path", Json($$"""{ "instance": "rs1", "path": "live/cam1", "publishKeys": [{ "secret": "{{PathKey}}" }] }""")));
        Assert.DoesNotContain(PathKey, error.Message);
    }

    [Fact]
    public void A_desired_state_that_cannot_be_applied_exits_2_with_an_error_line_and_never_quotes_the_secret()
    {
        var error = Assert.Throws<DscResourceException>(() => _machine.Engine.Set("RtmpXProtect/Path", Json($$"""{ "instance": "nope", "path": "live/cam1", "publishKeys": ["{{PathKey}}"] }""")));
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("there is no instance named nope", error.Messages.Single()["error"]!.GetValue<string>());
        Assert.DoesNotContain(PathKey, error.Message);
    }

    [Fact]
    public void A_configuration_broken_by_hand_fails_the_set_with_one_error_line_that_says_how_to_fix_it()
    {
        _machine.Engine.Set("RtmpXProtect/Instance", Instance());
        File.WriteAllText(Path.Combine(_machine.Root("rs1"), "rtmpx.json"), "{ \"paths\": ");

        var error = Assert.Throws<DscResourceException>(() => _machine.Engine.Set("RtmpXProtect/Path", Json($$"""{ "instance": "rs1", "path": "live/cam1", "publishKeys": ["{{PathKey}}"] }""")));

        Assert.Equal(1, error.ExitCode);
        var line = error.Messages.Single()["error"]!.GetValue<string>();
        Assert.Contains("rtmpx.json", line);
        Assert.Contains("apply the instance", line);
        Assert.DoesNotContain(PathKey, error.Message);
    }

    [Fact]
    public void An_input_that_is_not_an_instance_of_the_schema_is_refused_before_rtmpx_runs()
    {
        var calls = _machine.Engine.Calls.Count;
        Assert.Throws<InvalidOperationException>(() => _machine.Engine.Set("RtmpXProtect/Instance", Json("""{ "name": "rs1", "rtmp": 1935 }""")));
        Assert.Equal(calls, _machine.Engine.Calls.Count);
    }

    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
