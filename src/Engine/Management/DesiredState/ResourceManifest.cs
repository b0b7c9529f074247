using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// The DSC v3 manifest (*.dsc.resource.json) of a resource type over `rtmpx resource`: every
    /// method reads the instance as JSON on stdin and writes one JSON object (export: one per line);
    /// test and set return the state; set handles <c>_exist</c> false itself, and delete is there for
    /// `dsc resource delete`; the instance schema is embedded.
    /// </summary>
    public static class ResourceManifest
    {
        /// <summary>The manifest schema DSC publishes, which the manifests name.</summary>
        public const string ManifestSchema = "https://aka.ms/dsc/schemas/v3/bundled/resource/manifest.json";

        /// <summary>The executable every method runs (on PATH, or next to the manifest).</summary>
        public const string Executable = "rtmpx";

        /// <summary>Exit codes of `rtmpx resource`, as the manifests name them.</summary>
        public static readonly (int Code, string Meaning)[] ExitCodes =
        {
            (0, "Success"),
            (1, "Error: the operation failed; what ran before runs on"),
            (2, "Invalid input: not an instance of the resource's schema, or a desired state that cannot be applied as given; nothing was changed"),
            (3, "Access denied: run as root (Linux) or as an administrator (Windows)"),
        };

        /// <summary>The manifest of <paramref name="type"/>.</summary>
        public static JsonObject For(ResourceType type)
        {
            var manifest = new JsonObject
            {
                ["$schema"] = ManifestSchema,
                ["type"] = type.Name,
                ["kind"] = "resource",
                ["version"] = Version,
                ["description"] = type.Description,
                ["tags"] = new JsonArray("RTMP", "RTMPS", "XProtect", "Milestone", "rtmpx"),
                ["get"] = Method(type, "get"),
                ["set"] = Method(type, "set"),
                ["test"] = Method(type, "test"),
                ["delete"] = Method(type, "delete"),
                ["export"] = Method(type, "export"),
            };
            var set = (JsonObject)manifest["set"]!;
            set["implementsPretest"] = false;
            set["handlesExist"] = true;
            set["return"] = "state";
            ((JsonObject)manifest["test"]!)["return"] = "state";
            manifest["exitCodes"] = new JsonObject(ExitCodes.Select(c => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(c.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Meaning)));
            manifest["schema"] = new JsonObject { ["embedded"] = type.Schema() };
            return manifest;
        }

        /// <summary>The file a manifest is kept in under dsc/: "rtmpxprotect.instance.dsc.resource.json".</summary>
        public static string FileName(ResourceType type) => type.Name.Replace('/', '.').ToLowerInvariant() + ".dsc.resource.json";

        /// <summary>The version the manifests carry: the engine's, as semver.</summary>
        public static string Version
        {
            get
            {
                var version = typeof(ResourceManifest).Assembly.GetName().Version!;
                return $"{version.Major}.{version.Minor}.{version.Build}";
            }
        }

        private static JsonObject Method(ResourceType type, string operation) => new JsonObject
        {
            ["executable"] = Executable,
            ["args"] = new JsonArray("resource", operation, "--type", type.Name),
            ["input"] = "stdin",
        };
    }
}
