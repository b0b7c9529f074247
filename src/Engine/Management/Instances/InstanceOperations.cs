using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances.Services;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// Get, test, set and remove rtmpx instances, and export every instance of the machine: what
    /// Get-/Install-/Set-/Uninstall-RtmpInstance, `rtmpx instance …`, the RtmpXProtect/Instance DSC v3
    /// resource and the RtmpInstance DSC class all call.
    /// </summary>
    /// <remarks>
    /// A set checks everything it can before it changes anything (the package, the endpoints, the
    /// merged configuration against the loader's rules, the service kind), writes each file only when
    /// its content changes, and replaces rtmpx.json by rename, so a running instance never reads half a
    /// file and reloads only when something changed; a configuration the running server refuses at
    /// reload leaves the previous one running.
    /// </remarks>
    public sealed class InstanceOperations
    {
        private readonly Func<ServiceKind, IInstanceService> _services;

        /// <summary>Operations on the instances of <paramref name="registry"/>, run by <paramref name="services"/>.</summary>
        public InstanceOperations(InstanceRegistry? registry = null, Func<ServiceKind, IInstanceService>? services = null)
        {
            Registry = registry ?? InstanceRegistry.Machine;
            _services = services ?? DefaultServices;
        }

        /// <summary>The registry the instances are found in.</summary>
        public InstanceRegistry Registry { get; }

        /// <summary>What runs an instance when the desired state does not say: windows on Windows, systemd where it runs, else none.</summary>
        public static ServiceKind DefaultService =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ServiceKind.Windows
            : Directory.Exists("/run/systemd/system") ? ServiceKind.Systemd
            : ServiceKind.None;

        /// <summary>Where an instance lives when the desired state does not say.</summary>
        public static string DefaultRoot(string name) => RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "RtmpXProtect", name)
            : Path.Combine("/opt/rtmpx", name);

        /// <summary>The service manager of each kind on this machine.</summary>
        public static IInstanceService DefaultServices(ServiceKind kind) => kind switch
        {
            ServiceKind.Systemd => new SystemdService(),
            ServiceKind.Windows => new WindowsService(),
            _ => new NoService(),
        };

        /// <summary>The layout of a registered instance.</summary>
        /// <exception cref="ResourceInputException">There is no instance of that name.</exception>
        public InstanceLayout RequireLayout(string name)
            => Layout(name) ?? throw new ResourceInputException($"instance: there is no instance named {name} on this machine; install it first (RtmpXProtect/Instance).");

        /// <summary>The layout of a registered instance; null when there is none of that name.</summary>
        public InstanceLayout? Layout(string name)
        {
            var record = Registry.Find(name);
            return record == null ? null : new InstanceLayout(record.Root);
        }

        /// <summary>The instance as it is; <c>_exist</c> false when there is none of that name.</summary>
        public InstanceResource Get(string name)
        {
            var record = Registry.Find(name);
            if (record == null)
            {
                return new InstanceResource { Name = name, Exist = false };
            }

            // A file broken by hand shows no endpoints and no config: test finds it not as desired and set rewrites it.
            var layout = new InstanceLayout(record.Root);
            var config = TryReadConfig(layout);
            var service = _services(record.Service);
            return new InstanceResource
            {
                Name = record.Name,
                Exist = true,
                Root = layout.Root,
                Version = RtmpxPackage.Installed(layout.Bin)?.Version,
                Rtmp = config == null ? null : InstanceConfig.Rtmp(config),
                Rtmps = config == null ? null : InstanceConfig.Rtmps(config),
                Rtsp = config == null ? null : InstanceConfig.Rtsp(config),
                Api = config == null ? null : InstanceConfig.Api(config),
                Service = record.Service,
                State = service.State(record.Name, ListenAddress.Parse(config?.Api.Listen)),
                Config = config == null ? null : InstanceConfig.Shown(InstanceConfig.Effective(config)),
            };
        }

        /// <summary>Every instance of the registry, as <see cref="Get"/> reports each.</summary>
        public IReadOnlyList<InstanceResource> Export() => Registry.List().Select(r => Get(r.Name)).ToList();

        /// <summary>The instance as it is, and which of the given properties differ from it.</summary>
        public TestResult<InstanceResource> Test(Desired<InstanceResource> desired)
        {
            var value = desired.Value;
            var name = value.Name!;
            var actual = Get(name);
            var differing = new List<string>();
            var exist = value.Exist ?? true;
            if (exist != (actual.Exist ?? true))
            {
                differing.Add("_exist");
            }

            if (!exist || actual.Exist == false)
            {
                return new TestResult<InstanceResource>(actual, differing);
            }

            var layout = new InstanceLayout(actual.Root!);
            var config = TryReadConfig(layout);
            if (config == null)
            {
                differing.Add("config");
            }

            if (desired.Given("root") && !SamePath(value.Root!, actual.Root!))
            {
                differing.Add("root");
            }

            if (desired.Given("package") && RtmpxPackage.Open(value.Package!).Manifest.Version != actual.Version)
            {
                differing.Add("package");
            }

            foreach (var (property, want, have) in new[] { ("rtmp", value.Rtmp, actual.Rtmp), ("rtmps", value.Rtmps, actual.Rtmps), ("rtsp", value.Rtsp, actual.Rtsp), ("api", value.Api, actual.Api) })
            {
                if (desired.Given(property) && !InstanceConfig.SameEndpoint(want, have))
                {
                    differing.Add(property);
                }
            }

            if (desired.Given("service") && value.Service != actual.Service)
            {
                differing.Add("service");
            }
            else if (!_services(actual.Service!.Value).IsInstalled(name, layout))
            {
                // The unit or service was removed or edited by hand: service is what repairs it.
                differing.Add("service");
            }

            if (desired.Given("state") && actual.Service != ServiceKind.None && value.State != actual.State)
            {
                differing.Add("state");
            }

            if (config != null && desired.Given("config") && value.Config != null
                && InstanceConfig.Differs(File.Exists(layout.ConfigFile) ? ConfigDocument.Read(layout.ConfigFile) : new JsonObject(), config, value.Config))
            {
                differing.Add("config");
            }

            return new TestResult<InstanceResource>(actual, differing);
        }

        /// <summary>
        /// Makes the instance as desired: installs or upgrades it from its package, writes its
        /// configuration and service, and starts, stops or restarts it as needed; with <c>_exist</c>
        /// false, removes it. Returns the state after.
        /// </summary>
        /// <exception cref="ResourceInputException">The desired state cannot be applied as given; nothing was changed.</exception>
        /// <exception cref="ResourceOperationException">A step failed; what ran before runs on.</exception>
        public InstanceResource Set(Desired<InstanceResource> desired, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var value = desired.Value;
            var name = value.Name!;
            if (!InstanceRegistry.IsValidName(name))
            {
                throw new ResourceInputException($"name: '{name}' is not an instance name (1–64 letters, digits, '_', '.' or '-', starting with a letter or digit).");
            }

            if (value.Exist == false)
            {
                Remove(name, log);
                return Get(name);
            }

            var record = Registry.Find(name);
            var root = Path.GetFullPath((desired.Given("root") ? value.Root : null) ?? record?.Root ?? DefaultRoot(name));
            if (record != null && !SamePath(root, record.Root))
            {
                throw new ResourceInputException($"root: instance {name} lives in {record.Root} and does not move to {root}; remove it (_exist: false) and install it again.");
            }

            var layout = new InstanceLayout(root);
            var owner = layout.MarkedFor();
            if (owner != null && !string.Equals(owner, name, StringComparison.Ordinal))
            {
                throw new ResourceInputException($"root: {layout.Root} is the root of instance {owner}; give instance {name} a root of its own.");
            }

            if (owner == null && !layout.IsEmpty)
            {
                // Never take a folder that holds something else for a root: bin/ would be replaced, and a
                // later removal would delete the whole folder.
                throw new ResourceInputException($"root: {layout.Root} exists and holds files of its own; an instance is installed into a new or empty folder.");
            }

            var kind = (desired.Given("service") ? value.Service : null) ?? record?.Service ?? DefaultService;
            var service = _services(kind);
            service.EnsureAvailable();

            // Everything is checked before anything changes.
            var package = desired.Given("package") && value.Package != null ? RtmpxPackage.Open(value.Package) : null;
            var installed = RtmpxPackage.Installed(layout.Bin);
            if (package == null && installed == null)
            {
                throw new ResourceInputException($"package: instance {name} has no rtmpx installed in {layout.Bin}; give the package to install it from.");
            }

            var before = TryReadConfig(layout);
            JsonObject file;
            if (!File.Exists(layout.ConfigFile))
            {
                file = InstanceConfig.NewFile();
            }
            else if (before == null)
            {
                log.Warning($"{layout.ConfigFile} was invalid and is written anew from the desired state: its paths and streams come back with their own resources.");
                file = InstanceConfig.NewFile();
            }
            else
            {
                file = ConfigDocument.Read(layout.ConfigFile);
            }

            before ??= new RtmpxConfig();
            InstanceConfig.Apply(file, desired);
            var (text, after) = ConfigDocument.Checked(file, "config");

            CheckEndpointsFree(name, after);
            if (record != null && record.Service != kind)
            {
                _services(record.Service).Uninstall(name, log);
            }

            // A new instance does not run yet: asking would probe the default API address, maybe another server's.
            var wasRunning = record != null && service.State(name, ListenAddress.Parse(before.Api.Listen)) == InstanceRunState.Running;
            layout.CreateFolders(name);
            var upgrade = package != null && package.Manifest.Version != installed?.Version;
            if (upgrade)
            {
                Install(name, package!, layout, installed, service, wasRunning, log);
            }

            if (ConfigDocument.Write(layout.ConfigFile, text))
            {
                log.Info($"wrote {layout.ConfigFile}");
            }

            if (Registry.Save(new InstanceRecord { Name = name, Root = layout.Root, Service = kind }))
            {
                log.Info($"registered {name} in {Registry.Directory}");
            }

            var serviceChanged = service.Install(name, layout, log);
            Run(name, value, desired.Given("state"), record == null || wasRunning, service, wasRunning && (upgrade || serviceChanged || NeedsRestart(before, after)), log);
            return Get(name);
        }

        /// <summary>Stops and removes the instance: its service, its root folder and its registry entry. Nothing when there is none.</summary>
        /// <exception cref="ResourceOperationException">Its service cannot be removed, or its root is not marked as this instance's.</exception>
        public void Remove(string name, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var record = Registry.Find(name);
            if (record == null)
            {
                return;
            }

            // Checked first: a folder not marked as this instance's root is never deleted.
            var layout = new InstanceLayout(record.Root);
            if (Directory.Exists(layout.Root) && layout.MarkedFor() != name)
            {
                throw new ResourceOperationException($"{layout.Root} is not marked as the root of instance {name} ({InstanceLayout.MarkerFile}); it was not deleted, and the instance stays registered.");
            }

            var service = _services(record.Service);
            service.Uninstall(name, log);
            if (record.Service == ServiceKind.None && service.State(name, ListenAddress.Parse(TryReadConfig(layout)?.Api.Listen)) == InstanceRunState.Running)
            {
                log.Warning($"instance {name} still answers on its status API: stop it where it is run (service: none), its files are gone.");
            }

            if (Directory.Exists(layout.Root))
            {
                // The marker goes last, so a removal that stops half way can be run again.
                foreach (var entry in Directory.GetFileSystemEntries(layout.Root).Where(e => !string.Equals(Path.GetFileName(e), InstanceLayout.MarkerFile, StringComparison.Ordinal)))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }

                Directory.Delete(layout.Root, recursive: true);
                log.Info($"deleted {layout.Root}");
            }

            Registry.Remove(name);
        }

        private static void Install(string name, RtmpxPackage package, InstanceLayout layout, PackageManifest? installed, IInstanceService service, bool running, OperationLog log)
        {
            var staging = layout.Bin + ".new-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var retired = layout.Bin + ".old-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                package.ExtractTo(staging);

                // Windows keeps a running program's files locked, so its service stops first; on Unix
                // the swap is a rename and the restart below picks the new files up.
                if (running && service.Kind == ServiceKind.Windows)
                {
                    service.Stop(name);
                }

                if (Directory.Exists(layout.Bin))
                {
                    Directory.Move(layout.Bin, retired);
                }

                Directory.Move(staging, layout.Bin);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                if (!Directory.Exists(layout.Bin) && Directory.Exists(retired))
                {
                    Directory.Move(retired, layout.Bin);
                }

                throw new ResourceOperationException($"Cannot install rtmpx {package.Manifest.Version} into {layout.Bin}: {e.Message}", e) { AccessDenied = e is UnauthorizedAccessException };
            }
            finally
            {
                TryDelete(staging);
                TryDelete(retired);
            }

            log.Info(installed == null ? $"installed rtmpx {package.Manifest.Version} into {layout.Bin}" : $"replaced rtmpx {installed.Version} with {package.Manifest.Version} in {layout.Bin}");
            if (running && service.Kind == ServiceKind.None)
            {
                log.Warning($"instance {name} runs rtmpx {installed?.Version} until its supervisor restarts it (service: none).");
            }
        }

        // Starts, stops or restarts per the desired state; a new instance, or one that ran before the set
        // (stopped to swap its files on Windows), runs after it unless told not to.
        private static void Run(string name, InstanceResource value, bool stateGiven, bool runByDefault, IInstanceService service, bool restart, OperationLog log)
        {
            if (service.Kind == ServiceKind.None)
            {
                if (stateGiven)
                {
                    log.Info($"state of instance {name} is left to its supervisor (service: none): it runs ROOT/bin/rtmpx serve --config ROOT/rtmpx.json");
                }

                return;
            }

            var want = stateGiven ? value.State : runByDefault ? InstanceRunState.Running : null;
            var now = service.State(name, null);
            if (want == InstanceRunState.Stopped && now == InstanceRunState.Running)
            {
                service.Stop(name);
                log.Info($"stopped {name}");
            }
            else if (restart && now == InstanceRunState.Running && want != InstanceRunState.Stopped)
            {
                service.Stop(name);
                service.Start(name);
                log.Info($"restarted {name}");
            }
            else if (want == InstanceRunState.Running && now != InstanceRunState.Running)
            {
                service.Start(name);
                log.Info($"started {name}");
            }
        }

        // What a running server applies only at its next start (docs/rtmpx.example.jsonc).
        private static bool NeedsRestart(RtmpxConfig before, RtmpxConfig after)
            => Json(before.Api) != Json(after.Api) || Json(before.Logging) != Json(after.Logging) || Json(before.Metrics) != Json(after.Metrics);

        private static string Json<T>(T section) => EngineJson.Serialize(section);

        // Several instances share a machine: each needs its own ports.
        private void CheckEndpointsFree(string name, RtmpxConfig wanted)
        {
            var mine = Endpoints(wanted).ToList();
            foreach (var other in Registry.List().Where(r => !string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                if (TryReadConfig(new InstanceLayout(other.Root)) is not { } theirs)
                {
                    continue;
                }

                foreach (var (property, endpoint) in mine)
                {
                    var clash = Endpoints(theirs).FirstOrDefault(e => e.Endpoint.Port == endpoint.Port && e.Endpoint.Port != 0
                        && (e.Endpoint.Address.Equals(endpoint.Address) || IsAny(e.Endpoint.Address) || IsAny(endpoint.Address)));
                    if (clash.Property != null)
                    {
                        throw new ResourceInputException($"{property}: {endpoint} is taken by instance {other.Name} ({clash.Property} {clash.Endpoint}); each instance of a machine needs ports of its own.");
                    }
                }
            }
        }

        private static IEnumerable<(string Property, System.Net.IPEndPoint Endpoint)> Endpoints(RtmpxConfig config)
        {
            foreach (var (property, text) in new[] { ("rtmp", InstanceConfig.Rtmp(config)), ("rtmps", InstanceConfig.Rtmps(config)), ("rtsp", InstanceConfig.Rtsp(config)), ("api", InstanceConfig.Api(config)) })
            {
                if (ListenAddress.Parse(text) is { } endpoint)
                {
                    yield return (property, endpoint);
                }
            }
        }

        private static bool IsAny(System.Net.IPAddress address) => address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any);

        // The instance's configuration as it takes effect; null when the file breaks a rule (edited by hand).
        private static RtmpxConfig? TryReadConfig(InstanceLayout layout)
        {
            try
            {
                return File.Exists(layout.ConfigFile) ? RtmpxConfigLoader.Load(layout.ConfigFile) : new RtmpxConfig();
            }
            catch (RtmpxConfigException)
            {
                return null;
            }
        }

        private static bool SamePath(string a, string b)
            => string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        private static void TryDelete(string directory)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Left for the next set: a file still locked by a process that was stopping.
            }
        }
    }
}
