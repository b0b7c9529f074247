using System;
using System.IO;
using System.Reflection;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// Finds the engine's dependencies (System.Text.Json, System.Memory, Serilog, …) in the plugin's
    /// own folder when the host cannot bind them: a plugin loaded into the Event Server or the
    /// Management Client has no configuration file of its own, so no binding redirect reaches the
    /// versions it was built with. Only binds that already failed come here.
    /// </summary>
    internal static class RtmpXProtectAssemblyResolver
    {
        private static readonly string Folder = Path.GetDirectoryName(typeof(RtmpXProtectAssemblyResolver).Assembly.Location);
        private static int _installed;

        /// <summary>Installs the resolver once per process.</summary>
        public static void Install()
        {
            if (System.Threading.Interlocked.Exchange(ref _installed, 1) == 0)
            {
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            var file = Path.Combine(Folder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(file) ? Assembly.LoadFrom(file) : null;
        }
    }
}
