using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// The rtmpx.json the helpers read (`rtmpx stream run NAME --config FILE --report`, see
    /// docs/HELPER-PROTOCOL.md): the xprotect section and every stream, each destination URL in an
    /// owner-only file of its own under secrets/ that the configuration names with urlFile, so no
    /// key is on a command line or in the configuration file itself.
    /// </summary>
    internal sealed class PluginHelperConfig
    {
        private const string SecretsFolder = "secrets";
        private const string PasswordFile = SecretsFolder + "/xprotect.password";

        public PluginHelperConfig(string folder)
        {
            Folder = Path.GetFullPath(folder);
            File = Path.Combine(Folder, "rtmpx.json");
        }

        public string Folder { get; }

        public string File { get; }

        /// <summary>Writes the secrets first, then the configuration (atomically), then removes the secrets of streams gone.</summary>
        public void Write(PluginConnection connection, IReadOnlyList<StreamDefinition> definitions)
        {
            Directory.CreateDirectory(Folder);
            OwnerOnly.Restrict(Folder, directory: true);
            var keep = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!connection.UsesWindowsAccount)
            {
                OwnerOnly.WriteSecret(Path.Combine(Folder, PasswordFile), connection.BasicPassword!);
                keep.Add(Path.GetFullPath(Path.Combine(Folder, PasswordFile)));
            }

            var streams = new JsonArray();
            foreach (var definition in definitions)
            {
                var destinations = new JsonArray();
                for (var i = 0; i < definition.Destinations.Count; i++)
                {
                    var relative = SecretsFolder + "/" + definition.Name + "." + i.ToString(CultureInfo.InvariantCulture) + ".url";
                    var path = Path.GetFullPath(Path.Combine(Folder, relative));
                    OwnerOnly.WriteSecret(path, definition.Destinations[i].Url);
                    keep.Add(path);
                    // As JsonNode: JsonArray.Add<T> is the generic, reflection-based overload, refused by the NativeAOT rtmpx.
                    destinations.Add((JsonNode)new JsonObject
                    {
                        ["urlFile"] = relative,
                        ["allowUntrustedCertificate"] = definition.Destinations[i].AllowUntrustedCertificate,
                    });
                }

                streams.Add((JsonNode)new JsonObject
                {
                    ["name"] = definition.Name,
                    ["source"] = definition.Source,
                    ["enabled"] = definition.Enabled,
                    ["audio"] = JsonNamingPolicy.CamelCase.ConvertName(definition.Audio.ToString()),
                    ["video"] = JsonNamingPolicy.CamelCase.ConvertName(definition.Video.ToString()),
                    ["destinations"] = destinations,
                });
            }

            var section = connection.ToSection(PasswordFile);
            var xprotect = new JsonObject
            {
                ["server"] = section.Server,
                ["windowsUser"] = section.WindowsUser,
                ["allowUntrustedCertificate"] = section.AllowUntrustedCertificate,
            };
            if (section.User != null)
            {
                xprotect["user"] = section.User;
                xprotect["passwordFile"] = section.PasswordFile;
            }

            var root = new JsonObject { ["xprotect"] = xprotect, ["streams"] = streams };
            AtomicFile.WriteIfChanged(File, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ownerOnly: true);
            RemoveOthers(keep);
        }

        private void RemoveOthers(HashSet<string> keep)
        {
            var secrets = Path.Combine(Folder, SecretsFolder);
            if (!Directory.Exists(secrets))
            {
                return;
            }

            foreach (var file in Directory.GetFiles(secrets).Where(f => !keep.Contains(Path.GetFullPath(f))))
            {
                System.IO.File.Delete(file);
            }
        }
    }
}
