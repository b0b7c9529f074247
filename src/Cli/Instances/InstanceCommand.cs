using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using RtmpXProtect.Cli.Resources;
using RtmpXProtect.Engine.Management.Certificates;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Management.Paths;
using RtmpXProtect.Engine.Security;
using RtmpXProtect.Engine.Server.Access;
using Spectre.Console;

namespace RtmpXProtect.Cli.Instances
{
    /// <summary>
    /// `rtmpx instance list|show|install|set|remove|cert|path`: the instances of this machine through
    /// the same operations as the DSC resources and the instance cmdlets. Every option left out is
    /// left as it is; "none" turns a listener or the API off.
    /// </summary>
    internal static class InstanceCommand
    {
        public static Command Create()
        {
            var command = new Command("instance", "The rtmpx instances of this machine (one root folder each, run by systemd, the Windows SCM or your own supervisor): list, install, change, remove, and their certificates and paths.");
            command.Subcommands.Add(List());
            command.Subcommands.Add(Show());
            command.Subcommands.Add(Change("install", "Install an instance from a package (or repair one): its root, configuration and service.", install: true));
            command.Subcommands.Add(Change("set", "Change an instance: a newer --package upgrades it, the listeners and API move, --state starts or stops it.", install: false));
            command.Subcommands.Add(Remove());
            command.Subcommands.Add(Certificate());
            command.Subcommands.Add(PathCommand());
            return command;
        }

        private static Argument<string> NameArgument() => new Argument<string>("name") { Description = "The instance's name." };

        private static Command List()
        {
            var json = new Option<bool>("--json") { Description = "One JSON object per line, as `rtmpx resource export` writes them." };
            var command = new Command("list", "List the instances registered on this machine.") { json };
            command.SetAction(parse => Run(() =>
            {
                var instances = new InstanceOperations().Export();
                if (parse.GetValue(json))
                {
                    foreach (var instance in instances)
                    {
                        Console.Out.WriteLine(ResourceJson.Write(instance).ToJsonString(ResourceRun.Output));
                    }

                    return 0;
                }

                var table = new Table().AddColumns("Name", "Version", "State", "Service", "RTMP", "RTMPS", "API", "Root");
                foreach (var i in instances)
                {
                    table.AddRow(new[] { i.Name, i.Version ?? "-", i.State?.ToString().ToLowerInvariant() ?? "?", i.Service?.ToString().ToLowerInvariant(), i.Rtmp ?? "-", i.Rtmps ?? "-", i.Api ?? "-", i.Root }.Select(c => Markup.Escape(c ?? string.Empty)).ToArray());
                }

                AnsiConsole.Write(table);
                return 0;
            }));
            return command;
        }

        private static Command Show()
        {
            var name = NameArgument();
            var command = new Command("show", "Show an instance, its certificate and its paths as JSON (keys masked).") { name };
            command.SetAction(parse => Run(() =>
            {
                var instances = new InstanceOperations();
                var instance = parse.GetValue(name)!;
                var shown = new JsonObject
                {
                    ["instance"] = ResourceJson.Write(instances.Get(instance)),
                    ["certificate"] = ResourceJson.Write(new CertificateOperations(instances).Get(instance)),
                    ["paths"] = new JsonArray(new PathOperations(instances).List(instance).Select(p => (JsonNode)ResourceJson.Write(p)).ToArray()),
                };
                Console.Out.WriteLine(shown.ToJsonString(new System.Text.Json.JsonSerializerOptions(ResourceRun.Output) { WriteIndented = true }));
                return 0;
            }));
            return command;
        }

        private static Command Change(string verb, string description, bool install)
        {
            var name = NameArgument();
            var package = new Option<string?>("--package") { Description = "A package (folder or .zip, from build.ps1 -Task Package) to install, or to upgrade to." };
            var root = new Option<string?>("--root") { Description = "The root folder (default /opt/rtmpx/NAME, on Windows %ProgramFiles%\\RtmpXProtect\\NAME); fixed once installed." };
            var rtmp = new Option<string?>("--rtmp") { Description = "Plain RTMP's ADDRESS:PORT, or none." };
            var rtmps = new Option<string?>("--rtmps") { Description = "RTMPS's ADDRESS:PORT (its certificate: rtmpx instance cert), or none." };
            var rtsp = new Option<string?>("--rtsp") { Description = "RTSP's ADDRESS:PORT (every path also plays over RTSP), or none." };
            var api = new Option<string?>("--api") { Description = "The status API's loopback ADDRESS:PORT (one per instance), or none." };
            var service = new Option<ServiceKind?>("--service") { Description = "What runs it: Systemd, Windows or None (your own supervisor)." };
            var state = new Option<InstanceRunState?>("--state") { Description = "Running or Stopped (systemd and windows services)." };
            var config = new Option<FileInfo?>("--config-file") { Description = "A JSON file of rtmpx.json sections to set (limits, paths, auth, hooks, record, logging, metrics), key by key." };
            var command = new Command(verb, description) { name, package, root, rtmp, rtmps, rtsp, api, service, state, config };
            if (install)
            {
                package.Required = true;
            }

            command.SetAction(parse => Run(() =>
            {
                var desired = new JsonObject { ["name"] = parse.GetValue(name) };
                Put(desired, "package", parse.GetValue(package) is { } p ? Path.GetFullPath(p) : null);
                Put(desired, "root", parse.GetValue(root) is { } r ? Path.GetFullPath(r) : null);
                PutEndpoint(desired, "rtmp", parse.GetValue(rtmp));
                PutEndpoint(desired, "rtmps", parse.GetValue(rtmps));
                PutEndpoint(desired, "rtsp", parse.GetValue(rtsp));
                PutEndpoint(desired, "api", parse.GetValue(api));
                Put(desired, "service", parse.GetValue(service)?.ToString().ToLowerInvariant());
                Put(desired, "state", parse.GetValue(state)?.ToString().ToLowerInvariant());
                if (parse.GetValue(config) is { } file)
                {
                    desired["config"] = JsonNode.Parse(File.ReadAllText(file.FullName)) as JsonObject ?? throw new ResourceInputException($"--config-file: {file.FullName} does not hold a JSON object.");
                }

                return Apply(InstanceResource.TypeName, desired);
            }));
            return command;
        }

        private static Command Remove()
        {
            var name = NameArgument();
            var command = new Command("remove", "Remove an instance: stop and remove its service, delete its root folder and its registry entry.") { name };
            command.SetAction(parse => Run(() => Apply(InstanceResource.TypeName, new JsonObject { ["name"] = parse.GetValue(name), ["_exist"] = false })));
            return command;
        }

        private static Command Certificate()
        {
            var name = NameArgument();
            var dns = new Option<string[]>("--dns") { Description = "Host names of a self-signed certificate.", AllowMultipleArgumentsPerToken = true };
            var ip = new Option<string[]>("--ip") { Description = "IP addresses of a self-signed certificate.", AllowMultipleArgumentsPerToken = true };
            var days = new Option<int?>("--days") { Description = "Days a self-signed certificate is valid (default 365)." };
            var renew = new Option<int?>("--renew-days") { Description = "Renew a self-signed certificate with fewer days left (default 30)." };
            var pfx = new Option<FileInfo?>("--pfx") { Description = "Install this PFX (from a CA) instead of a self-signed certificate." };
            var passwordFile = new Option<FileInfo?>("--password-file") { Description = "A file holding the PFX's password." };
            var passwordEnv = new Option<string?>("--password-env") { Description = "An environment variable holding the PFX's password." };
            var remove = new Option<bool>("--remove") { Description = "Delete the certificate (RTMPS then waits for a new one)." };
            var command = new Command("cert", "Make, renew or install an instance's RTMPS certificate; the running instance restarts only its TLS listener.") { name, dns, ip, days, renew, pfx, passwordFile, passwordEnv, remove };
            command.SetAction(parse => Run(() =>
            {
                var desired = new JsonObject { ["instance"] = parse.GetValue(name) };
                if (parse.GetValue(remove))
                {
                    desired["_exist"] = false;
                    return Apply(CertificateResource.TypeName, desired);
                }

                if (parse.GetValue(pfx) is { } file)
                {
                    desired["source"] = "pfx";
                    desired["pfxPath"] = file.FullName;
                    Put(desired, "password", SecretSource.Read(parse.GetValue(passwordFile), parse.GetValue(passwordEnv)));
                }

                PutList(desired, "dnsNames", parse.GetValue(dns));
                PutList(desired, "ipAddresses", parse.GetValue(ip));
                if (desired.ContainsKey("dnsNames") || desired.ContainsKey("ipAddresses"))
                {
                    // Names make a self-signed certificate; --days alone keeps whatever source is there.
                    desired["source"] ??= "selfSigned";
                }

                desired["validDays"] = parse.GetValue(days);
                desired["renewDaysBefore"] = parse.GetValue(renew);
                foreach (var unset in new[] { "validDays", "renewDaysBefore" }.Where(k => desired[k] == null))
                {
                    desired.Remove(unset);
                }

                return Apply(CertificateResource.TypeName, desired);
            }));
            return command;
        }

        private static Command PathCommand()
        {
            var name = NameArgument();
            var path = new Argument<string>("path") { Description = "The path: app/stream (live/cam1) or a bare stream name." };
            var keyFile = new Option<FileInfo?>("--key-file") { Description = "A file of publish keys in the form of rtmpx serve --publish-key-file: \"KEY\" (or \"PATH KEY\" for this path) per line (keys never go on the command line)." };
            var publishers = new Option<string[]>("--publisher") { Description = "An address or CIDR range its publishers must come from.", AllowMultipleArgumentsPerToken = true };
            var record = new Option<bool?>("--record") { Description = "true records its publishes, false never." };
            var remove = new Option<bool>("--remove") { Description = "Remove the path and its keys." };
            var command = new Command("path", "Set a path of an instance: its publish keys, allowed publishers and recording.") { name, path, keyFile, publishers, record, remove };
            command.SetAction(parse => Run(() =>
            {
                var desired = new JsonObject { ["instance"] = parse.GetValue(name), ["path"] = parse.GetValue(path) };
                if (parse.GetValue(remove))
                {
                    desired["_exist"] = false;
                    return Apply(PathResource.TypeName, desired);
                }

                if (parse.GetValue(keyFile) is { } keys)
                {
                    PutList(desired, "publishKeys", KeysOf(keys, parse.GetValue(path)!));
                }

                PutList(desired, "publishers", parse.GetValue(publishers));
                if (parse.GetResult(record) is { Implicit: false })
                {
                    desired["record"] = parse.GetValue(record);
                }

                return Apply(PathResource.TypeName, desired);
            }));
            return command;
        }

        // The after-state as JSON (keys masked), the operation's messages on stderr.
        private static int Apply(string type, JsonObject desired)
        {
            var log = new OperationLog(info => Console.Error.WriteLine(info), warning => Console.Error.WriteLine("warning: " + warning));
            var after = new ResourceCatalog().Find(type).Set(desired, log);
            Console.Out.WriteLine(after.ToJsonString(new System.Text.Json.JsonSerializerOptions(ResourceRun.Output) { WriteIndented = true }));
            return 0;
        }

        private static int Run(Func<int> action)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (OperationFailure.Classify(e) is { } kind)
            {
                Console.Error.WriteLine(kind == OperationFailureKind.AccessDenied ? e.Message + " (run as root or as an administrator)" : e.Message);
                return OperationFailure.ExitCode(e);
            }
        }

        // The file read as `rtmpx serve --publish-key-file` reads it: keys for any path, and this path's own.
        private static string[] KeysOf(FileInfo file, string path)
        {
            var policy = new AccessPolicy();
            if (!PublishKeyFile.TryLoad(file.FullName, policy, out var error))
            {
                throw new ResourceInputException($"--key-file: {error}");
            }

            var other = policy.Paths.FirstOrDefault(p => !string.Equals(p.Path, path.Trim('/'), StringComparison.OrdinalIgnoreCase));
            if (other != null)
            {
                throw new ResourceInputException($"--key-file: {file.FullName} has keys for path {other.Path}, and this command sets path {path}.");
            }

            return policy.PublishKeys.Concat(policy.Paths.SelectMany(p => p.PublishKeys)).ToArray();
        }

        private static void Put(JsonObject desired, string key, string? value)
        {
            if (value != null)
            {
                desired[key] = value;
            }
        }

        private static void PutEndpoint(JsonObject desired, string key, string? value)
        {
            if (value != null)
            {
                desired[key] = string.Equals(value, "none", StringComparison.OrdinalIgnoreCase) ? null : value;
            }
        }

        private static void PutList(JsonObject desired, string key, string[]? values)
        {
            if (values is { Length: > 0 })
            {
                desired[key] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
            }
        }
    }
}
