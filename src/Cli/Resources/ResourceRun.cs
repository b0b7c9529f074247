using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Cli.Resources
{
    /// <summary>
    /// One run of a resource operation as dsc makes it: input validated against the type's schema
    /// (as dsc does before it runs a resource; a hand-run or a stale dsc gets the same answer),
    /// then the engine operation, then its result on stdout and its messages on stderr as
    /// {"error"|"warn"|"info": "…"} lines. Nothing on either stream ever holds a secret.
    /// </summary>
    internal sealed class ResourceRun
    {
        /// <summary>JSON as people read it: apostrophes and non-ASCII letters as they are (still valid JSON).</summary>
        public static readonly JsonSerializerOptions Output = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly TextReader _input;
        private readonly TextWriter _output;
        private readonly TextWriter _messages;

        public ResourceRun(TextReader input, TextWriter output, TextWriter messages)
        {
            _input = input;
            _output = output;
            _messages = messages;
        }

        /// <summary>Prints one JSON object made by <paramref name="make"/>; 2 when the type is unknown.</summary>
        public static int Print(TextWriter output, TextWriter messages, Func<JsonObject> make)
        {
            try
            {
                output.WriteLine(make().ToJsonString(Output));
                return 0;
            }
            catch (Exception e) when (OperationFailure.Classify(e) != null)
            {
                Message(messages, "error", e.Message);
                return OperationFailure.ExitCode(e);
            }
        }

        public int Run(string operation, string typeName)
        {
            try
            {
                var type = new ResourceCatalog().Find(typeName);
                var input = ReadInput(operation == "export");
                if (input != null)
                {
                    Validate(type, input);
                }

                var log = new OperationLog(info => Message(_messages, "info", info), warning => Message(_messages, "warn", warning));
                switch (operation)
                {
                    case "get":
                        _output.WriteLine(type.Get(Required(input)).ToJsonString(Output));
                        break;
                    case "test":
                        _output.WriteLine(type.Test(Required(input)).ToJsonString(Output));
                        break;
                    case "set":
                        _output.WriteLine(type.Set(Required(input), log).ToJsonString(Output));
                        break;
                    case "delete":
                        type.Delete(Required(input), log);
                        break;
                    default:
                        foreach (var instance in type.Export(input))
                        {
                            _output.WriteLine(instance.ToJsonString(Output));
                        }

                        break;
                }

                return 0;
            }
            catch (Exception e)
            {
                // dsc reads one {"error": …} line whatever failed; a bug is no excuse for a stack trace on stderr.
                Message(_messages, "error", OperationFailure.Message(e));
                return OperationFailure.ExitCode(e);
            }
        }

        private static void Message(TextWriter messages, string level, string text)
            => messages.WriteLine(new JsonObject { [level] = text }.ToJsonString(Output));

        private static JsonObject Required(JsonObject? input) => input ?? throw new ResourceInputException("input: give the instance as a JSON object on standard input.");

        private static void Validate(ResourceType type, JsonObject input)
        {
            // A registry of its own: the canonical properties' $ids would clash with another build's.
            var schema = JsonSchema.FromText(type.Schema().ToJsonString(Output), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            var result = schema.Evaluate(JsonDocument.Parse(input.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                // The schema's messages quote no values; an instance location says where.
                var problems = (result.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors != null && d.Errors.Count > 0)
                    .Select(d => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {(d.EvaluationPath.ToString().Contains("/additionalProperties") ? "not a property of " + type.Name : string.Join("; ", d.Errors!.Values))}")
                    .Distinct();
                throw new ResourceInputException($"input is not an instance of {type.Name}: {string.Join(" | ", problems)}");
            }
        }

        private JsonObject? ReadInput(bool optional)
        {
            var text = _input.ReadToEnd();
            if (string.IsNullOrWhiteSpace(text))
            {
                return optional ? null : throw new ResourceInputException("input: give the instance as a JSON object on standard input.");
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject ?? throw new ResourceInputException("input: not a JSON object.");
            }
            catch (JsonException e)
            {
                throw new ResourceInputException($"input: not JSON (line {(e.LineNumber ?? 0) + 1}).");
            }
        }
    }
}
