using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Cli.Resources
{
    /// <summary>
    /// `rtmpx resource get|test|set|delete|export --type TYPE`: the DSC v3 command resources of dsc/,
    /// run exactly as their manifests tell dsc to: the instance as JSON on stdin, one compact JSON
    /// object out (export: one per line), messages as JSON lines on stderr, exit codes as the manifests
    /// name them. `schema` and `manifest` print what the manifests embed.
    /// </summary>
    internal static class ResourceCommand
    {
        public static Command Create()
        {
            var command = new Command("resource", "The DSC v3 resources of RtmpXProtect (dsc/*.dsc.resource.json run these): instances, certificates, paths and streams.");
            foreach (var operation in new[] { "get", "test", "set", "delete", "export" })
            {
                command.Subcommands.Add(Operation(operation));
            }

            command.Subcommands.Add(Schema());
            command.Subcommands.Add(Manifest());
            return command;
        }

        private static Option<string> TypeOption(bool required = true) => new Option<string>("--type")
        {
            Description = "The resource type: RtmpXProtect/Instance, RtmpXProtect/Certificate, RtmpXProtect/Path or RtmpXProtect/Stream.",
            Required = required,
        };

        private static Command Operation(string operation)
        {
            var type = TypeOption();
            var command = new Command(operation, $"The {operation} operation of a resource: the instance as JSON on standard input.") { type };
            command.SetAction(parse => new ResourceRun(Console.In, Console.Out, Console.Error).Run(operation, parse.GetValue(type)!));
            return command;
        }

        private static Command Schema()
        {
            var type = TypeOption();
            var command = new Command("schema", "Print a resource type's JSON Schema (what its manifest embeds).") { type };
            command.SetAction(parse => ResourceRun.Print(Console.Out, Console.Error, () => new ResourceCatalog().Find(parse.GetValue(type)!).Schema()));
            return command;
        }

        private static Command Manifest()
        {
            var type = TypeOption(required: false);
            var output = new Option<DirectoryInfo?>("--out") { Description = "Write every type's manifest into this folder (dsc/) instead of printing one." };
            var command = new Command("manifest", "Print a resource type's DSC v3 manifest, or write them all with --out.") { type, output };
            command.SetAction(parse =>
            {
                var catalog = new ResourceCatalog();
                if (parse.GetValue(output) is { } folder)
                {
                    folder.Create();
                    foreach (var resource in catalog.Types)
                    {
                        File.WriteAllText(Path.Combine(folder.FullName, ResourceManifest.FileName(resource)), ResourceManifest.For(resource).ToJsonString(new System.Text.Json.JsonSerializerOptions(ResourceRun.Output) { WriteIndented = true }) + "\n");
                    }

                    return 0;
                }

                var name = parse.GetValue(type);
                if (name == null)
                {
                    Console.Error.WriteLine("Give --type TYPE, or --out FOLDER for all of them.");
                    return 2;
                }

                return ResourceRun.Print(Console.Out, Console.Error, () => ResourceManifest.For(catalog.Find(name)));
            });
            return command;
        }
    }
}
