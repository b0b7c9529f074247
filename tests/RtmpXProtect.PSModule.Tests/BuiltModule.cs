using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>
    /// The package folder the build laid out, its assemblies open as metadata: one per test run,
    /// since opening the closure is the slow part.
    /// </summary>
    public sealed class BuiltModule : IDisposable
    {
        public BuiltModule()
        {
            var metadata = typeof(BuiltModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
            RepositoryRoot = metadata["RepositoryRoot"];
            PowerShellReference = metadata["PowerShellReference"];
            Folder = Path.Combine(RepositoryRoot, "artifacts", "RtmpXProtect");
            Bin = Path.Combine(Folder, "bin");

            // The module's own files first, then PowerShell's reference surface, then the runtime for netstandard and mscorlib.
            var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.GetFiles(Bin, "*.dll").Append(PowerShellReference).Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")))
            {
                paths.TryAdd(Path.GetFileName(file), file);
            }

            Context = new MetadataLoadContext(new PathAssemblyResolver(paths.Values), "System.Runtime");
            Module = Context.LoadFromAssemblyPath(Path.Combine(Bin, "RtmpXProtect.dll"));
            PowerShell = Context.LoadFromAssemblyPath(PowerShellReference);
            Cmdlets = Module.GetTypes().Where(t => !t.IsAbstract && CmdletAttribute(t) != null).OrderBy(t => t.Name).ToList();
        }

        public string RepositoryRoot { get; }
        public string PowerShellReference { get; }
        public string Folder { get; }
        public string Bin { get; }
        public MetadataLoadContext Context { get; }
        public Assembly Module { get; }
        public Assembly PowerShell { get; }
        public IReadOnlyList<Type> Cmdlets { get; }

        /// <summary>Verb-Noun as PowerShell will name the command.</summary>
        public static string CommandName(Type cmdlet)
        {
            var attribute = CmdletAttribute(cmdlet)!;
            return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
        }

        public static CustomAttributeData? CmdletAttribute(Type type) =>
            type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");

        public static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        /// <summary>The properties PowerShell binds (with [Parameter]), inherited ones included.</summary>
        public static IReadOnlyList<PropertyInfo> Parameters(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute"))
                .ToList();

        public void Dispose() => Context.Dispose();
    }
}
