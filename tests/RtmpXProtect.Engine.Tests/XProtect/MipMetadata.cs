using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect;

/// <summary>
/// Reads a net48 adapter and the reference-only MIP facade it compiles against (build/MipFacade,
/// build/MipPlatformFacade): what the adapter takes from the MIP assembly, and what the facade
/// declares with the public source each declaration was transcribed from ([MipSource]).
/// Names are "Namespace.Type", "Namespace.Outer+Nested" and "Namespace.Type::Member".
/// </summary>
internal static class MipMetadata
{
    /// <summary>
    /// Every MIP type and member <paramref name="adapterAssembly"/> uses is declared in the facade
    /// with a public source, and every type the facade declares is used.
    /// </summary>
    public static void AssertAdapterUsesOnlyCitedMembers(string adapterProject, string adapterAssembly, string facadeProject, string mipAssembly, string mustDeclare)
    {
        using var adapterFile = new PEReader(File.OpenRead(Built(adapterProject, adapterAssembly)));
        using var facadeFile = new PEReader(File.OpenRead(Built(facadeProject, mipAssembly + ".dll")));
        var used = Used(adapterFile.GetMetadataReader(), mipAssembly);
        var declared = Declared(facadeFile.GetMetadataReader());

        Assert.Contains(mustDeclare, declared.Keys);
        Assert.NotEmpty(used);
        var uncited = used.Where(u => !declared.TryGetValue(u, out var source) || !Cited(source)).OrderBy(u => u, StringComparer.Ordinal).ToList();
        Assert.True(uncited.Count == 0, "used but not declared with a public source: " + string.Join(", ", uncited));
        var typesUsed = new HashSet<string>(used.Select(u => u.Split("::")[0]), StringComparer.Ordinal);
        var unusedTypes = declared.Keys.Where(d => !d.Contains("::", StringComparison.Ordinal) && !typesUsed.Contains(d)).OrderBy(d => d, StringComparer.Ordinal).ToList();
        Assert.True(unusedTypes.Count == 0, "declared but not used by the adapter: " + string.Join(", ", unusedTypes));
    }

    /// <summary>The adapter's MIP uses, the members together with their types.</summary>
    public static IReadOnlyList<string> UsedBy(string adapterProject, string adapterAssembly, string mipAssembly)
    {
        using var file = new PEReader(File.OpenRead(Built(adapterProject, adapterAssembly)));
        return Used(file.GetMetadataReader(), mipAssembly).OrderBy(u => u, StringComparer.Ordinal).ToList();
    }

    /// <summary>A source is public when it is a GitHub file or Milestone's reference.</summary>
    public static bool Cited(string source) =>
        source.Length > 0 && source.Split(" | ").All(s => s.StartsWith("github.com/", StringComparison.Ordinal) || s.StartsWith("Milestone MIP SDK reference", StringComparison.Ordinal));

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "RtmpXProtect.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root is not above " + AppContext.BaseDirectory);
    }

    private static string Built(string project, string assembly)
    {
        var bin = Path.Combine(Repository(), project, "bin");
        var found = Directory.GetFiles(bin, assembly, SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return found ?? throw new InvalidOperationException($"{assembly} is not built under {bin}");
    }

    // What the adapter takes from the MIP assembly: its type references and the members it calls on them.
    private static HashSet<string> Used(MetadataReader reader, string mipAssembly)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? MipType(EntityHandle handle)
        {
            if (handle.Kind != HandleKind.TypeReference)
            {
                return null;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)handle);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return MipType((TypeReferenceHandle)type.ResolutionScope) is { } outer ? outer + "+" + reader.GetString(type.Name) : null;
            }

            return type.ResolutionScope.Kind == HandleKind.AssemblyReference
                && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name) == mipAssembly
                ? reader.GetString(type.Namespace) + "." + reader.GetString(type.Name)
                : null;
        }

        foreach (var handle in reader.TypeReferences)
        {
            if (MipType(handle) is { } name)
            {
                used.Add(name);
            }
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (MipType(member.Parent) is { } type)
            {
                used.Add(type + "::" + reader.GetString(member.Name));
            }
        }

        return used;
    }

    // What the facade declares, each with its [MipSource] texts ("" when it has none). A delegate's
    // members (.ctor, Invoke, …) are the compiler's, so they carry the delegate's own sources.
    private static Dictionary<string, string> Declared(MetadataReader reader)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Sources(CustomAttributeHandleCollection attributes)
        {
            var sources = new List<string>();
            foreach (var handle in attributes)
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
                {
                    var constructor = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                    if (reader.GetString(reader.GetTypeDefinition(constructor.GetDeclaringType()).Name) == "MipSourceAttribute")
                    {
                        var blob = reader.GetBlobReader(attribute.Value);
                        blob.ReadUInt16(); // prolog
                        sources.Add(blob.ReadSerializedString() ?? string.Empty);
                    }
                }
            }

            return string.Join(" | ", sources);
        }

        string? NameOf(TypeDefinition type)
        {
            if (type.IsNested)
            {
                return NameOf(reader.GetTypeDefinition(type.GetDeclaringType())) is { } outer ? outer + "+" + reader.GetString(type.Name) : null;
            }

            var ns = reader.GetString(type.Namespace);
            return ns.StartsWith("VideoOS.", StringComparison.Ordinal) ? ns + "." + reader.GetString(type.Name) : null;
        }

        bool IsDelegate(TypeDefinition type) =>
            type.BaseType.Kind == HandleKind.TypeReference
            && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type.BaseType).Name) == nameof(MulticastDelegate);

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (NameOf(type) is not { } name)
            {
                continue;
            }

            var typeSources = Sources(type.GetCustomAttributes());
            var isDelegate = IsDelegate(type);
            declared[name] = typeSources;
            foreach (var method in type.GetMethods().Select(reader.GetMethodDefinition))
            {
                var methodName = reader.GetString(method.Name);
                if ((method.Attributes & MethodAttributes.SpecialName) == 0 || methodName == ".ctor" || methodName == ".cctor")
                {
                    declared[name + "::" + methodName] = isDelegate ? typeSources : Sources(method.GetCustomAttributes());
                }
            }

            foreach (var property in type.GetProperties().Select(reader.GetPropertyDefinition))
            {
                var sources = Sources(property.GetCustomAttributes());
                var propertyName = reader.GetString(property.Name);
                declared[name + "::get_" + propertyName] = sources;
                declared[name + "::set_" + propertyName] = sources;
            }

            foreach (var @event in type.GetEvents().Select(reader.GetEventDefinition))
            {
                var sources = Sources(@event.GetCustomAttributes());
                var eventName = reader.GetString(@event.Name);
                declared[name + "::add_" + eventName] = sources;
                declared[name + "::remove_" + eventName] = sources;
            }

            foreach (var field in type.GetFields().Select(reader.GetFieldDefinition))
            {
                var fieldName = reader.GetString(field.Name);
                if (fieldName != "value__")
                {
                    declared[name + "::" + fieldName] = Sources(field.GetCustomAttributes());
                }
            }
        }

        return declared;
    }
}
