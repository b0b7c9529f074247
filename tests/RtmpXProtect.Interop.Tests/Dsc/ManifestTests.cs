using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// The manifests of dsc/: made from the same model as the code (regenerate with
/// `rtmpx resource manifest --out dsc`), valid against DSC's published manifest schema, loadable by
/// dsc's stricter reader, and embedding schemas whose canonical properties are DSC's own.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string Folder = Path.Combine(RtmpxPackages.RepositoryRoot(), "dsc");

    public static TheoryData<string> Types()
    {
        var types = new TheoryData<string>();
        foreach (var type in new ResourceCatalog().Types)
        {
            types.Add(type.Name);
        }

        return types;
    }

    [Fact]
    public void Dsc_holds_one_manifest_per_resource_type_and_no_other()
        => Assert.Equal(
            new ResourceCatalog().Types.Select(ResourceManifest.FileName).OrderBy(f => f, StringComparer.Ordinal),
            Directory.GetFiles(Folder, "*.dsc.resource.json").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Types))]
    public void The_manifest_is_what_the_code_makes_of_its_model(string type)
    {
        var resource = new ResourceCatalog().Find(type);
        var kept = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, ResourceManifest.FileName(resource))));
        Assert.True(
            JsonNode.DeepEquals(ResourceManifest.For(resource), kept),
            $"dsc/{ResourceManifest.FileName(resource)} differs from the model: run `dotnet run --project src/Cli -- resource manifest --out dsc`.");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_manifest_is_valid_against_dscs_published_manifest_schema(string type)
    {
        var manifest = Manifest(type);
        Assert.Empty(JsonSchemas.Problems(JsonSchemas.Dsc("resource.manifest.bundled.json"), manifest));

        // What the schema's oneOf asks of every method, said plainly: string args and input stdin.
        foreach (var method in new[] { "get", "set", "test", "delete", "export" })
        {
            var call = (JsonObject)manifest[method]!;
            Assert.Equal("rtmpx", call["executable"]!.GetValue<string>());
            Assert.Equal("stdin", call["input"]!.GetValue<string>());
            Assert.All((JsonArray)call["args"]!, arg => Assert.IsAssignableFrom<JsonValue>(arg));
        }

        Assert.Equal("state", manifest["set"]!["return"]!.GetValue<string>());
        Assert.Equal("state", manifest["test"]!["return"]!.GetValue<string>());
        Assert.True(manifest["set"]!["handlesExist"]!.GetValue<bool>());
        Assert.Equal(ResourceManifest.ExitCodes.Select(c => c.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)), ((JsonObject)manifest["exitCodes"]!).Select(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_embedded_schema_refers_to_dscs_canonical_properties_and_carries_their_published_text(string type)
    {
        var schema = (JsonObject)Manifest(type)["schema"]!["embedded"]!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        var properties = (JsonObject)schema["properties"]!;
        foreach (var (property, file) in new[] { ("_exist", "resource.properties.exist.json"), ("_inDesiredState", "resource.properties.inDesiredState.json") })
        {
            var published = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dsc", "Schemas", file)))!;
            var id = published["$id"]!.GetValue<string>();
            Assert.Equal(id, properties[property]!["$ref"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(published, schema["$defs"]![id]), $"$defs of {type} has {property} unlike DSC's {file}");
        }

        // A schema JsonSchema.Net compiles and that takes the state get reports of a missing instance.
        Assert.Empty(JsonSchemas.Problems(schema, new ResourceCatalog().Find(type).Get(KeysOnly(schema))));
    }

    [Fact]
    public void The_folder_loads_in_dsc_with_every_type()
    {
        using var machine = new DscSandbox();
        Assert.Equal(new ResourceCatalog().Types.Select(t => t.Name).OrderBy(n => n), machine.Engine.Resources.Keys.OrderBy(n => n));
    }

    private static JsonObject Manifest(string type)
        => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, ResourceManifest.FileName(new ResourceCatalog().Find(type)))))!;

    // The keys a get needs, with values their patterns take.
    private static JsonObject KeysOnly(JsonObject schema)
    {
        var input = new JsonObject();
        // A machine-wide resource (the XProtect driver, the plugin) has no key.
        foreach (var key in schema["required"] as JsonArray ?? new JsonArray())
        {
            input[key!.GetValue<string>()] = key.GetValue<string>() == "path" ? "live/none" : "none";
        }

        return input;
    }
}
