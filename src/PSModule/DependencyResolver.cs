using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RtmpXProtect.PSModule
{
    /// <summary>
    /// Windows PowerShell 5.1 runs on .NET Framework, which has no binding redirects for a module: the engine's
    /// dependencies (System.Text.Json, System.Memory, ...) ask for assembly versions other than the ones bin/
    /// carries, and .NET Framework refuses the mismatch. This hands it the copy in bin/ whatever the version asked.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string Bin = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        private static bool OnNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>Registers the resolver on .NET Framework only; PowerShell 7 loads a module's dependencies itself.</summary>
        public void OnImport()
        {
            if (OnNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        /// <summary>Unregisters it when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (OnNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var file = Path.Combine(Bin, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(file) ? Assembly.LoadFrom(file) : null;
        }
    }
}
