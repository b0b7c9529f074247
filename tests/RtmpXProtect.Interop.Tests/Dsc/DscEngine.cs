using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// A stand-in for the dsc engine (PowerShell/DSC at 861df432, v3.2), which cannot be installed here:
/// it runs command resources exactly as dsc does and applies configuration documents with dsc's flow.
/// Each behaviour follows the cited source; none is shaped to make RtmpXProtect pass.
/// </summary>
/// <remarks>
/// - Discovery (discovery/command_discovery.rs): *.dsc.resource.json directly in the folders of
///   DSC_RESOURCE_PATH, not recursively; unknown top-level manifest keys make a manifest unloadable.
///   With DSC_RESOURCE_PATH set, dsc 3.1 replaces PATH with it, so executables are found only there
///   (v3.1.1 command_discovery.rs, "isolate the search of manifests and executables"; later versions
///   keep PATH and moved that to DSC_RESTRICTED_PATH): the stand-in does what 3.1 does, the stricter.
/// - Invocation (dscresources/command_resource.rs): the executable found on PATH, working directory the
///   manifest's folder, the instance as compact JSON on stdin (then closed) when input is stdin and there
///   is input, args as the manifest lists them; stdout of get/test/set is one JSON value, of export one per
///   line; every stderr line is JSON with an error/warn/info/debug/trace key (or kept as trace text); a
///   non-zero exit code fails the call and is looked up in exitCodes.
/// - Validation (verify_json_from_manifest): input against the embedded schema before the call, output
///   after it (get, test and set with return, every export line).
/// - test (get_desired_state): _inDesiredState from the output when present and boolean; differing
///   properties from get_diff(desired, actual).
/// - config set (configure/mod.rs invoke_set, command_resource::invoke_set with skip_test false): with
///   implementsPretest false, test first; in the desired state → {beforeState: desired (redacted),
///   afterState: actual, changedProperties: null}; else get, set, changedProperties get_diff(after, before).
///   handlesExist true sends _exist false to set too. The first error ends the run.
/// </remarks>
public sealed class DscEngine
{
    private static readonly string[] ManifestKeys =
    {
        "$schema", "type", "version", "description", "tags", "kind", "get", "set", "whatIf", "test", "delete", "export", "validate", "resolve", "adapter", "exitCodes", "schema", "condition", "deprecationMessage", "metadata",
    };

    private readonly IReadOnlyDictionary<string, string?> _environment;

    /// <param name="environment">Variables of dsc's process; DSC_RESOURCE_PATH and PATH among them.</param>
    public DscEngine(IReadOnlyDictionary<string, string?> environment)
    {
        _environment = environment;
        var folders = (environment["DSC_RESOURCE_PATH"] ?? throw new ArgumentException("DSC_RESOURCE_PATH is required")).Split(Path.PathSeparator);
        Resources = folders
            .SelectMany(folder => Directory.GetFiles(folder, "*.dsc.resource.json", SearchOption.TopDirectoryOnly))
            .Select(Load)
            .ToDictionary(m => m.Type, StringComparer.Ordinal);
    }

    /// <summary>The resources found, by type.</summary>
    public IReadOnlyDictionary<string, Manifest> Resources { get; }

    /// <summary>Every call made, in order: what a dsc trace would show.</summary>
    public List<string> Calls { get; } = new List<string>();

    /// <summary>dsc resource get.</summary>
    public JsonObject Get(string type, JsonObject input)
    {
        var resource = Find(type);
        resource.ValidateInput(input);
        var output = (JsonObject)JsonNode.Parse(Invoke(resource, "get", input).Stdout)!;
        resource.ValidateOutput(output, "get");
        return output;
    }

    /// <summary>dsc resource test: the actual state, whether it is the desired one, and what differs.</summary>
    public (JsonObject Actual, bool InDesiredState, List<string> Differing) Test(string type, JsonObject desired)
    {
        var resource = Find(type);
        resource.ValidateInput(desired);
        var actual = State(resource, "test", Invoke(resource, "test", desired).Stdout);
        var differing = DscDiff.Of(desired, actual);
        var inDesired = actual["_inDesiredState"] is JsonValue flag
            ? flag.TryGetValue<bool>(out var b) ? b : throw new InvalidOperationException("'_inDesiredState' is not a boolean")
            : differing.Count == 0;
        return (actual, inDesired, differing);
    }

    /// <summary>dsc resource set (no pretest): the state after.</summary>
    public JsonObject Set(string type, JsonObject desired)
    {
        var resource = Find(type);
        resource.ValidateInput(desired);
        return State(resource, "set", Invoke(resource, "set", desired).Stdout);
    }

    // command_resource.rs invoke_test/invoke_set with return "state": stdout is the state, one JSON value.
    private static JsonObject State(Manifest resource, string operation, string stdout)
    {
        var kind = resource.Json[operation]?["return"]?.GetValue<string>();
        if (kind != "state")
        {
            throw new NotSupportedException($"{resource.Type} {operation} returns {kind ?? "nothing"}; the stand-in runs return \"state\", as the RtmpXProtect manifests declare");
        }

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 1)
        {
            throw new InvalidOperationException($"{resource.Type} {operation} wrote {lines.Length} lines where dsc reads one JSON object");
        }

        var state = (JsonObject)JsonNode.Parse(lines[0])!;
        resource.ValidateOutput(state, operation);
        return state;
    }

    /// <summary>dsc resource delete.</summary>
    public void Delete(string type, JsonObject input)
    {
        var resource = Find(type);
        resource.ValidateInput(input);
        Invoke(resource, "delete", input);
    }

    /// <summary>dsc resource export: one instance per line, each validated.</summary>
    public List<JsonObject> Export(string type, JsonObject? filter = null)
    {
        var resource = Find(type);
        var lines = Invoke(resource, "export", filter).Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var instances = lines.Select(line => line.Length == 0 ? throw new InvalidOperationException("A blank line in export output") : (JsonObject)JsonNode.Parse(line)!).ToList();
        foreach (var instance in instances)
        {
            resource.ValidateOutput(instance, "export");
        }

        return instances;
    }

    /// <summary>dsc config set: the result document of applying <paramref name="document"/> with <paramref name="parameters"/>.</summary>
    public JsonObject ConfigSet(JsonObject document, IReadOnlyDictionary<string, JsonNode?> parameters) => Config(document, parameters, "set");

    /// <summary>dsc config test: the result document of testing <paramref name="document"/>.</summary>
    public JsonObject ConfigTest(JsonObject document, IReadOnlyDictionary<string, JsonNode?> parameters) => Config(document, parameters, "test");

    private JsonObject Config(JsonObject document, IReadOnlyDictionary<string, JsonNode?> given, string operation)
    {
        var problems = JsonSchemas.Problems(JsonSchemas.Dsc("bundled.config.document.json"), document);
        if (problems.Length > 0)
        {
            throw new InvalidOperationException("Not a configuration document: " + string.Join("; ", problems));
        }

        var parameters = Parameters(document, given);
        var types = ((document["parameters"] as JsonObject) ?? new JsonObject()).ToDictionary(p => p.Key, p => p.Value!["type"]!.GetValue<string>(), StringComparer.Ordinal);
        var expressions = new DscExpressions(parameters, types);
        var started = DateTimeOffset.Now;
        var results = new JsonArray();
        foreach (var instance in Ordered((JsonArray)document["resources"]!, expressions))
        {
            var clock = Stopwatch.StartNew();
            var type = instance["type"]!.GetValue<string>();
            var desired = (JsonObject)(expressions.Evaluate(instance["properties"]) ?? new JsonObject());
            JsonObject result;
            if (operation == "test")
            {
                var (actual, inDesired, differing) = Test(type, desired);
                result = new JsonObject
                {
                    ["desiredState"] = Redact(desired),
                    ["actualState"] = actual,
                    ["inDesiredState"] = inDesired,
                    ["differingProperties"] = new JsonArray(differing.Select(d => (JsonNode)d).ToArray()),
                };
            }
            else
            {
                var (actual, inDesired, _) = Test(type, desired);
                if (inDesired)
                {
                    result = new JsonObject { ["beforeState"] = Redact(desired), ["afterState"] = actual, ["changedProperties"] = null };
                }
                else
                {
                    var before = Get(type, desired);
                    var after = Set(type, desired);
                    result = new JsonObject
                    {
                        ["beforeState"] = Redact(before),
                        ["afterState"] = after,
                        ["changedProperties"] = new JsonArray(DscDiff.Of(after, before).Select(d => (JsonNode)d).ToArray()),
                    };
                }
            }

            results.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["Microsoft.DSC"] = new JsonObject { ["duration"] = Duration(clock.Elapsed) } },
                ["name"] = instance["name"]!.GetValue<string>(),
                ["type"] = type,
                ["result"] = result,
            });
        }

        var output = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["Microsoft.DSC"] = new JsonObject
                {
                    ["version"] = "3.2.0",
                    ["operation"] = operation,
                    ["executionType"] = "actual",
                    ["startDatetime"] = started.ToString("o"),
                    ["endDatetime"] = DateTimeOffset.Now.ToString("o"),
                    ["duration"] = Duration(DateTimeOffset.Now - started),
                    ["securityContext"] = "current",
                },
            },
            ["results"] = results,
            ["messages"] = new JsonArray(),
            ["hadErrors"] = false,
        };
        // dsc writes changedProperties null for an instance found in its desired state
        // (invoke_result.rs: an Option<Vec<String>> serialized without skip_serializing_if), where its
        // published schema says array: the stand-in writes what dsc writes and checks it as [] there.
        var checkedOutput = output.DeepClone().AsObject();
        foreach (var result in ((JsonArray)checkedOutput["results"]!).Select(r => r!["result"] as JsonObject))
        {
            if (result != null && result.ContainsKey("changedProperties") && result["changedProperties"] == null)
            {
                result["changedProperties"] = new JsonArray();
            }
        }

        var outputProblems = JsonSchemas.Problems(JsonSchemas.Dsc($"bundled.outputs.config.{operation}.json"), checkedOutput);
        return outputProblems.Length == 0 ? output : throw new InvalidOperationException($"The stand-in's own config {operation} output is not as DSC publishes it: " + string.Join("; ", outputProblems));
    }

    // configure/parameters.rs: given values, else defaults; a parameter without either is an error.
    private static Dictionary<string, JsonNode?> Parameters(JsonObject document, IReadOnlyDictionary<string, JsonNode?> given)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var parameter in (document["parameters"] as JsonObject) ?? new JsonObject())
        {
            values[parameter.Key] = given.TryGetValue(parameter.Key, out var value) ? value?.DeepClone()
                : parameter.Value?["defaultValue"] is { } fallback ? fallback.DeepClone()
                : throw new InvalidOperationException($"Parameter '{parameter.Key}' has no value and no defaultValue.");
        }

        foreach (var name in given.Keys.Where(k => !values.ContainsKey(k)))
        {
            throw new InvalidOperationException($"Parameter '{name}' is not defined in the document.");
        }

        return values;
    }

    // configure/depends_on.rs: each instance after the ones it depends on, in document order otherwise.
    private static List<JsonObject> Ordered(JsonArray resources, DscExpressions expressions)
    {
        var all = resources.Cast<JsonObject>().ToList();
        var done = new List<JsonObject>();
        void Visit(JsonObject instance, HashSet<JsonObject> path)
        {
            if (done.Contains(instance))
            {
                return;
            }

            if (!path.Add(instance))
            {
                throw new InvalidOperationException("Circular dependsOn at " + instance["name"]);
            }

            foreach (var dependency in (instance["dependsOn"] as JsonArray) ?? new JsonArray())
            {
                var id = expressions.Evaluate(dependency)!.GetValue<string>();
                var target = all.FirstOrDefault(r => r["type"]!.GetValue<string>() + ":" + Uri.EscapeDataString(r["name"]!.GetValue<string>()) == id)
                    ?? throw new InvalidOperationException($"dependsOn {id} of {instance["name"]} names no resource of the document");
                Visit(target, path);
            }

            done.Add(instance);
        }

        foreach (var instance in all)
        {
            Visit(instance, new HashSet<JsonObject>());
        }

        return done;
    }

    // dscresource.rs redact: a secure value ({"secureString": …}) becomes "<secureValue>" in the result document.
    private static JsonObject Redact(JsonObject state)
    {
        JsonNode? Walk(JsonNode? node) => node switch
        {
            _ when DscExpressions.IsSecure(node) => "<secureValue>",
            JsonObject obj => new JsonObject(obj.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, Walk(e.Value)))),
            JsonArray array => new JsonArray(array.Select(Walk).ToArray()),
            _ => node?.DeepClone(),
        };
        return (JsonObject)Walk(state)!;
    }

    private static string Duration(TimeSpan elapsed) => System.Xml.XmlConvert.ToString(elapsed);

    private Manifest Find(string type) => Resources.TryGetValue(type, out var resource) ? resource : throw new InvalidOperationException($"Resource not found: {type}");

    private Manifest Load(string file)
    {
        var manifest = (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;
        var unknown = manifest.Select(e => e.Key).Except(ManifestKeys).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{file}: dsc refuses to load a manifest with unknown keys ({string.Join(", ", unknown)})");
        }

        return new Manifest(file, manifest);
    }

    private (string Stdout, List<JsonObject> Messages) Invoke(Manifest resource, string operation, JsonObject? input)
    {
        var method = resource.Json[operation] as JsonObject ?? throw new InvalidOperationException($"{resource.Type} has no {operation}");
        var executable = Which(method["executable"]!.GetValue<string>());
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(resource.File)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (method["args"] as JsonArray) ?? new JsonArray())
        {
            start.ArgumentList.Add(argument!.GetValue<string>());
        }

        foreach (var variable in _environment)
        {
            start.Environment[variable.Key] = variable.Value;
        }

        start.Environment["PATH"] = _environment["DSC_RESOURCE_PATH"];

        var text = input == null || input.Count == 0 ? null : input.ToJsonString();
        Calls.Add($"{resource.Type} {operation}");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (text != null && method["input"]?.GetValue<string>() == "stdin")
        {
            process.StandardInput.Write(text);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{resource.Type} {operation} did not finish in 5 minutes");
        }

        var messages = new List<JsonObject>();
        foreach (var line in stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            JsonObject? message = null;
            try
            {
                message = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
            }

            if (message == null || !new[] { "error", "warn", "info", "debug", "trace" }.Any(message.ContainsKey))
            {
                throw new InvalidOperationException($"{resource.Type} {operation} wrote a stderr line dsc would only trace: {line}");
            }

            messages.Add(message);
        }

        if (process.ExitCode != 0)
        {
            var codes = resource.Json["exitCodes"] as JsonObject;
            var meaning = codes?[process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]?.GetValue<string>()
                ?? throw new InvalidOperationException($"{resource.Type} {operation} exited {process.ExitCode}, a code its manifest does not name");
            throw new DscResourceException(process.ExitCode, meaning, messages);
        }

        return (stdout.Result, messages);
    }

    private string Which(string executable)
    {
        foreach (var folder in (_environment["DSC_RESOURCE_PATH"] ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{executable} is not in DSC_RESOURCE_PATH, the only folders dsc 3.1 runs resources from when it is set");
    }

    /// <summary>One resource's manifest and its embedded instance schema.</summary>
    public sealed class Manifest
    {
        private readonly JsonSchema _schema;

        public Manifest(string file, JsonObject json)
        {
            File = file;
            Json = json;
            Type = json["type"]!.GetValue<string>();
            _schema = JsonSchemas.Build(json["schema"]!["embedded"]!.ToJsonString());
        }

        public string File { get; }

        public JsonObject Json { get; }

        public string Type { get; }

        public void ValidateInput(JsonObject input) => Check(input, "input");

        public void ValidateOutput(JsonObject output, string operation) => Check(output, operation + " output");

        private void Check(JsonObject instance, string what)
        {
            var problems = JsonSchemas.Problems(_schema, instance);
            if (problems.Length > 0)
            {
                throw new InvalidOperationException($"{Type} {what} fails its schema: {string.Join("; ", problems)}");
            }
        }
    }
}

/// <summary>A resource call that exited non-zero: its code, the meaning the manifest gives it, and its messages.</summary>
public sealed class DscResourceException : Exception
{
    public DscResourceException(int exitCode, string meaning, IReadOnlyList<JsonObject> messages)
        : base($"exit {exitCode} ({meaning}): {string.Join(" | ", messages.Select(m => m.ToJsonString()))}")
    {
        ExitCode = exitCode;
        Messages = messages;
    }

    public int ExitCode { get; }

    public IReadOnlyList<JsonObject> Messages { get; }
}
