using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// The machine's list of instances, by name: a small file per instance (NAME.json with its root
    /// and service) under /etc/rtmpx/instances, or %ProgramData%\RtmpXProtect\instances on Windows,
    /// or wherever $RTMPX_INSTANCE_REGISTRY says (tests, several sites on one machine). `export`
    /// lists them; an instance whose file is gone is not an instance any more.
    /// </summary>
    public sealed class InstanceRegistry
    {
        /// <summary>The environment variable that moves the registry.</summary>
        public const string Variable = "RTMPX_INSTANCE_REGISTRY";

        /// <summary>What an instance name may be: it becomes a file name and a service name (rtmpx-NAME).</summary>
        public const string NamePattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";

        private static readonly JsonSerializerOptions Json = EngineJson.Resolving(new JsonSerializerOptions
        {
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter<ServiceKind>(JsonNamingPolicy.CamelCase) },
        });

        /// <summary>The registry in <paramref name="directory"/>.</summary>
        public InstanceRegistry(string directory) => Directory = Path.GetFullPath(directory);

        /// <summary>The registry of this machine (or of $RTMPX_INSTANCE_REGISTRY).</summary>
        public static InstanceRegistry Machine => new InstanceRegistry(DefaultDirectory);

        /// <summary>$RTMPX_INSTANCE_REGISTRY, else the machine-wide folder of this OS.</summary>
        public static string DefaultDirectory
        {
            get
            {
                var moved = Environment.GetEnvironmentVariable(Variable);
                if (!string.IsNullOrWhiteSpace(moved))
                {
                    return moved!;
                }

                return RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "RtmpXProtect", "instances")
                    : "/etc/rtmpx/instances";
            }
        }

        /// <summary>The folder the files are in.</summary>
        public string Directory { get; }

        /// <summary>Whether <paramref name="name"/> can name an instance.</summary>
        public static bool IsValidName(string? name) => name != null && Regex.IsMatch(name, NamePattern);

        /// <summary>Every instance, by name.</summary>
        /// <exception cref="ResourceOperationException">A file of the registry cannot be read.</exception>
        public IReadOnlyList<InstanceRecord> List()
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return Array.Empty<InstanceRecord>();
            }

            return System.IO.Directory.GetFiles(Directory, "*.json")
                .Select(Read)
                .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>The instance named <paramref name="name"/>; null when there is none.</summary>
        public InstanceRecord? Find(string name)
        {
            if (!IsValidName(name))
            {
                return null;
            }

            var file = Path.Combine(Directory, name + ".json");
            return File.Exists(file) ? Read(file) : null;
        }

        /// <summary>Records an instance; false when its file already said so.</summary>
        public bool Save(InstanceRecord record)
        {
            if (!IsValidName(record.Name))
            {
                throw new ResourceInputException($"name: '{record.Name}' is not an instance name (1–64 letters, digits, '_', '.' or '-', starting with a letter or digit).");
            }

            return AtomicFile.WriteIfChanged(Path.Combine(Directory, record.Name + ".json"), EngineJson.Serialize(record, Json) + "\n", ownerOnly: false);
        }

        /// <summary>Forgets an instance; false when there was none.</summary>
        public bool Remove(string name)
        {
            var file = Path.Combine(Directory, name + ".json");
            if (!IsValidName(name) || !File.Exists(file))
            {
                return false;
            }

            File.Delete(file);
            return true;
        }

        private static InstanceRecord Read(string file)
        {
            try
            {
                var record = EngineJson.Deserialize<InstanceRecord>(File.ReadAllText(file), Json);
                if (record == null || !IsValidName(record.Name) || string.IsNullOrWhiteSpace(record.Root))
                {
                    throw new ResourceOperationException($"{file} is not an instance record (it needs a name and a root).");
                }

                return record;
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException)
            {
                throw new ResourceOperationException($"Cannot read the instance record {file}: {e.Message}", e);
            }
        }
    }
}
