using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>Validation against a JSON Schema (2020-12) with JsonSchema.Net, and DSC's published schemas kept in Dsc/Schemas.</summary>
public static class JsonSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Published = new ConcurrentDictionary<string, JsonSchema>(StringComparer.Ordinal);

    /// <summary>One of DSC's published schemas (Dsc/Schemas/NAME).</summary>
    public static JsonSchema Dsc(string file) => Published.GetOrAdd(file, name =>
        Build(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dsc", "Schemas", name))));

    /// <summary>
    /// A schema built in a registry of its own: DSC's bundles and every manifest embed the same $id'd
    /// subschemas, which one registry would refuse to hold twice.
    /// </summary>
    public static JsonSchema Build(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>The problems of <paramref name="instance"/> against <paramref name="schema"/>; empty when it is valid.</summary>
    public static string[] Problems(JsonSchema schema, JsonNode? instance)
    {
        var element = JsonDocument.Parse(instance?.ToJsonString() ?? "null").RootElement;
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? Array.Empty<string>()
            : (result.Details ?? new System.Collections.Generic.List<EvaluationResults>())
                .Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}")
                .Distinct()
                .ToArray();
    }

    /// <summary>The problems of <paramref name="instance"/> against the schema <paramref name="schema"/> holds.</summary>
    public static string[] Problems(JsonNode schema, JsonNode? instance) => Problems(Build(schema.ToJsonString()), instance);
}
