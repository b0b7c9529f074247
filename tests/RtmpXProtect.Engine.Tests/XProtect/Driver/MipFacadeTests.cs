using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver;

/// <summary>
/// The net48 driver adapter compiled against build/MipFacade, and every MIP type and member it
/// uses is declared there with the public source it was transcribed from: a member used but not
/// cited (or declared but not used) fails here, before anyone reaches a Recording Server.
/// </summary>
public sealed class MipFacadeTests
{
    private const string MipAssembly = "VideoOS.Platform.DriverFramework";

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

    // What the adapter takes from the MIP assembly: "Namespace.Type" and "Namespace.Type::Member".
    private static HashSet<string> Used(MetadataReader reader)
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
                && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name) == MipAssembly
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

    // What the facade declares, each with its [MipSource] texts ("" when it has none).
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

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var ns = reader.GetString(type.Namespace);
            if (!ns.StartsWith("VideoOS.", StringComparison.Ordinal))
            {
                continue;
            }

            var name = ns + "." + reader.GetString(type.Name);
            declared[name] = Sources(type.GetCustomAttributes());
            foreach (var method in type.GetMethods().Select(reader.GetMethodDefinition))
            {
                var methodName = reader.GetString(method.Name);
                if (!methodName.StartsWith("get_", StringComparison.Ordinal) && !methodName.StartsWith("set_", StringComparison.Ordinal)
                    && !methodName.StartsWith("add_", StringComparison.Ordinal) && !methodName.StartsWith("remove_", StringComparison.Ordinal))
                {
                    declared[name + "::" + methodName] = Sources(method.GetCustomAttributes());
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

    private static MetadataReader Open(string path, out PEReader pe)
    {
        pe = new PEReader(File.OpenRead(path));
        return pe.GetMetadataReader();
    }

    [Fact]
    public void Every_mip_member_the_driver_adapter_uses_is_declared_in_the_facade_with_its_public_source()
    {
        var adapter = Open(Built("src/Driver", "RtmpXProtect.Driver.dll"), out var adapterFile);
        var facade = Open(Built("build/MipFacade", MipAssembly + ".dll"), out var facadeFile);
        using (adapterFile)
        using (facadeFile)
        {
            var used = Used(adapter);
            var declared = Declared(facade);

            Assert.Contains("VideoOS.Platform.DriverFramework.Managers.BaseStreamSession::GetLiveFrame", declared.Keys);
            Assert.NotEmpty(used);
            var uncited = used.Where(u => !declared.TryGetValue(u, out var source) || !Cited(source)).ToList();
            Assert.True(uncited.Count == 0, "used but not declared with a public source: " + string.Join(", ", uncited));
            var typesUsed = new HashSet<string>(used.Select(u => u.Split("::")[0]));
            var unusedTypes = declared.Keys.Where(d => !d.Contains("::") && !typesUsed.Contains(d)).ToList();
            Assert.True(unusedTypes.Count == 0, "declared but not used by the adapter: " + string.Join(", ", unusedTypes));
        }
    }

    private static bool Cited(string source) =>
        source.Split(" | ").All(s => s.StartsWith("github.com/", StringComparison.Ordinal) || s.StartsWith("Milestone MIP SDK reference", StringComparison.Ordinal)) && source.Length > 0;
}
