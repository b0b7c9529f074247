using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances.Services;

namespace RtmpXProtect.Engine.Management.XProtect
{
    /// <summary>
    /// Installs, upgrades and removes the driver or the plugin in XProtect's folders, and reports
    /// it: the files go in side by side (a staging folder renamed into place, the old one kept
    /// until the new one is there), so a failed copy leaves what worked before.
    /// </summary>
    public sealed class XProtectComponentOperations
    {
        private readonly XProtectComponent _component;

        /// <summary>Operations on <paramref name="component"/>.</summary>
        public XProtectComponentOperations(XProtectComponent component) => _component = component ?? throw new ArgumentNullException(nameof(component));

        /// <summary>What is installed under <paramref name="root"/> (%ProgramFiles% when null).</summary>
        public XProtectComponentResource Get(string? root)
        {
            var target = _component.TryTarget(root);
            var installed = target != null && File.Exists(Path.Combine(target, _component.Assembly));
            return new XProtectComponentResource
            {
                Exist = installed,
                Root = root,
                Path = target,
                Version = installed ? VersionOf(target!) : null,
                ServiceState = ServiceState(),
            };
        }

        /// <summary>Whether what is installed is what <paramref name="desired"/> asks for.</summary>
        public TestResult<XProtectComponentResource> Test(Desired<XProtectComponentResource> desired)
        {
            var actual = Get(desired.Value.Root);
            var differing = new List<string>();
            bool wanted = desired.Value.Exist ?? true;
            if (actual.Exist != wanted)
            {
                differing.Add("_exist");
            }
            else if (wanted && desired.Value.Package != null && VersionOf(CheckPackage(desired.Value.Package)) != actual.Version)
            {
                differing.Add("version");
            }

            return new TestResult<XProtectComponentResource>(actual, differing);
        }

        /// <summary>Installs or upgrades from the package, or removes; returns what is installed after.</summary>
        /// <exception cref="ResourceInputException">Installing without a package, or from one that is not the component.</exception>
        /// <exception cref="ResourceOperationException">The files could not be replaced (held by the running service) or the service not restarted.</exception>
        public XProtectComponentResource Set(Desired<XProtectComponentResource> desired, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var value = desired.Value;
            var target = _component.Target(value.Root);
            if (Test(desired).InDesiredState)
            {
                return Get(value.Root);
            }

            bool restart = value.RestartService == true;
            if (restart && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                throw new ResourceInputException("restartService: the " + _component.Service + " service runs on Windows only.");
            }

            if (value.Exist == false)
            {
                Around(restart, log, () => DeleteInstalled(target, log));
            }
            else
            {
                var package = CheckPackage(value.Package ?? throw new ResourceInputException("package: the folder with the built " + _component.Noun + " is needed to install it."));
                Around(restart, log, () => Install(package, target, log));
            }

            return Get(value.Root);
        }

        /// <summary>Removes the component under <paramref name="root"/>.</summary>
        public void Remove(string? root, OperationLog? log = null) =>
            Set(new Desired<XProtectComponentResource>(new XProtectComponentResource { Root = root, Exist = false }, new[] { "root", "_exist" }), log);

        /// <summary>The component as installed under %ProgramFiles%, when it is.</summary>
        public IReadOnlyList<XProtectComponentResource> Export()
        {
            var state = Get(null);
            return state.Exist == true ? new[] { state } : Array.Empty<XProtectComponentResource>();
        }

        private string CheckPackage(string package)
        {
            var folder = Path.GetFullPath(package);
            foreach (var file in new[] { _component.Assembly, _component.Definition })
            {
                if (!File.Exists(Path.Combine(folder, file)))
                {
                    throw new ResourceInputException($"package: {folder} holds no {file}: it is not a built RtmpXProtect {_component.Noun}.");
                }
            }

            return folder;
        }

        private string VersionOf(string folder)
        {
            try
            {
                return AssemblyName.GetAssemblyName(Path.Combine(folder, _component.Assembly)).Version?.ToString() ?? "0.0.0.0";
            }
            catch (Exception e) when (e is BadImageFormatException || e is IOException)
            {
                return "unreadable: " + e.GetType().Name;
            }
        }

        private void Install(string package, string target, OperationLog log)
        {
            var staging = target + ".new";
            var previous = target + ".old";
            try
            {
                Delete(staging);
                Copy(package, staging);
                Delete(previous);
                if (Directory.Exists(target))
                {
                    Directory.Move(target, previous);
                }

                Directory.Move(staging, target);
                Delete(previous);
                log.Info($"installed the {_component.Noun} {VersionOf(target)} in {target}");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                if (!Directory.Exists(target) && Directory.Exists(previous))
                {
                    Directory.Move(previous, target);
                }

                throw new ResourceOperationException($"cannot replace the {_component.Noun} in {target}: {e.Message} (is the {_component.Service} service holding it? set restartService)", e) { AccessDenied = e is UnauthorizedAccessException };
            }
        }

        private void DeleteInstalled(string target, OperationLog log)
        {
            try
            {
                Delete(target);
                log.Info($"removed the {_component.Noun} from {target}");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ResourceOperationException($"cannot remove the {_component.Noun} from {target}: {e.Message}", e) { AccessDenied = e is UnauthorizedAccessException };
            }
        }

        // The service stopped while its files change and started again after, whatever happened in
        // between; one that was not running is left stopped, as the operator had it.
        private void Around(bool restart, OperationLog log, Action change)
        {
            bool wasRunning = restart && ServiceControl.IsRunning(_component.Service);
            if (wasRunning)
            {
                log.Info("stopping " + _component.Service);
                ServiceControl.Stop(_component.Service);
            }

            try
            {
                change();
            }
            finally
            {
                if (wasRunning)
                {
                    log.Info("starting " + _component.Service);
                    ServiceControl.Start(_component.Service);
                }
            }
        }

        private string ServiceState()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return "Unknown";
            }

            return ServiceControl.QueryCommandLine(_component.Service) == null ? "NotInstalled" : ServiceControl.IsRunning(_component.Service) ? "Running" : "Stopped";
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = file.Substring(from.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                var destination = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
        }

        private static void Delete(string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
