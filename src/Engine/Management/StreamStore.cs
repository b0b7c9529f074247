using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// The stream definitions of an rtmpx.json, edited in place: what New-/Set-/Remove-/Start-/
    /// Stop-RtmpStream and `rtmpx stream add|set|remove|start|stop` change, and what a running
    /// `rtmpx serve` reloads. Destination URLs carry stream keys, so they go to files of their own
    /// (rtmpx.secrets/NAME.N.url next to the file, or secrets/NAME.N.url in an instance's root;
    /// readable by the owner only on Unix) that the configuration names with "urlFile": rtmpx.json
    /// can then be shared, diffed and checked in without a key.
    /// </summary>
    /// <remarks>
    /// Every write keeps the file's other sections, is validated by <see cref="RtmpxConfigLoader"/>
    /// before it replaces the old file, and replaces it by rename, so a running server never reads
    /// half a file. Comments in the file are not kept (the JSON is rewritten). Two writers at the same
    /// moment are not coordinated: the last rename wins.
    /// </remarks>
    public sealed class StreamStore
    {
        /// <summary>The folder, next to a configuration that is not an instance's, that holds destination URLs.</summary>
        public const string SecretsFolder = "rtmpx.secrets";

        /// <summary>Edits <paramref name="configPath"/>; the file is created, holding only "streams", by the first write if it is missing.</summary>
        public StreamStore(string configPath)
        {
            if (string.IsNullOrWhiteSpace(configPath))
            {
                throw new ArgumentException("A configuration file path is required.", nameof(configPath));
            }

            ConfigPath = Path.GetFullPath(configPath);
            Secrets = Instances.InstanceLayout.IsRoot(Directory) ? Instances.InstanceLayout.SecretsFolder : SecretsFolder;
        }

        /// <summary>
        /// The file `rtmpx serve` reads unless told otherwise: $RTMPX_CONFIG, else
        /// /etc/rtmpx/rtmpx.json on Linux and macOS, %ProgramData%\RtmpXProtect\rtmpx.json on Windows.
        /// </summary>
        public static string DefaultConfigPath
        {
            get
            {
                var fromEnvironment = Environment.GetEnvironmentVariable("RTMPX_CONFIG");
                if (!string.IsNullOrWhiteSpace(fromEnvironment))
                {
                    return fromEnvironment!;
                }

                return RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "RtmpXProtect", "rtmpx.json")
                    : "/etc/rtmpx/rtmpx.json";
            }
        }

        /// <summary>The full path of the configuration edited.</summary>
        public string ConfigPath { get; }

        /// <summary>The folder (relative to the configuration) the URLs go to: the instance's secrets/ in an instance root.</summary>
        public string Secrets { get; }

        private string Directory => Path.GetDirectoryName(ConfigPath)!;

        /// <summary>
        /// The streams, disabled ones included, with their destination URLs read from their files:
        /// they carry keys, so show <see cref="DestinationDefinition.Shown"/>, never the URL.
        /// </summary>
        /// <exception cref="RtmpxConfigException">The file is invalid or a URL file cannot be read.</exception>
        public IReadOnlyList<StreamDefinition> List()
        {
            if (!File.Exists(ConfigPath))
            {
                return Array.Empty<StreamDefinition>();
            }

            return StreamsMapper.ToStreamDefinitions(RtmpxConfigLoader.Load(ConfigPath), Directory);
        }

        /// <summary>The stream named <paramref name="name"/> (any case); null when there is none.</summary>
        public StreamDefinition? Find(string name)
            => List().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Adds a stream; its URLs go to the secrets folder.</summary>
        /// <exception cref="StreamStoreException">The name is taken or invalid, or the definition breaks a rule.</exception>
        public StreamDefinition Add(StreamDefinition definition)
        {
            if (definition == null)
            {
                throw new ArgumentNullException(nameof(definition));
            }

            Check(definition);
            var document = Read();
            var streams = Streams(document);
            if (IndexOf(streams, definition.Name) >= 0)
            {
                throw new StreamStoreException(definition.Name, $"A stream named '{definition.Name}' already exists.");
            }

            streams.Add((JsonNode)ToSection(definition, definition.Source, null));
            Write(document, definition, null);
            return Find(definition.Name) ?? definition;
        }

        /// <summary>Changes a stream: <paramref name="change"/> gets its current definition (URLs resolved) and edits it; a new name renames it.</summary>
        /// <exception cref="StreamStoreException">There is no such stream, or the changed definition breaks a rule.</exception>
        public StreamDefinition Update(string name, Action<StreamDefinition> change)
        {
            if (change == null)
            {
                throw new ArgumentNullException(nameof(change));
            }

            var current = Find(name) ?? throw Missing(name);
            var originalSource = current.Source;
            var originalUrls = current.Destinations.Select(d => d.Url).ToList();
            change(current);
            Check(current);
            var document = Read();
            var streams = Streams(document);
            var index = IndexOf(streams, name);
            if (index < 0)
            {
                throw Missing(name);
            }

            var other = IndexOf(streams, current.Name);
            if (other >= 0 && other != index)
            {
                throw new StreamStoreException(current.Name, $"A stream named '{current.Name}' already exists.");
            }

            // The file's own source text (a relative .flv) is kept when the source did not change.
            var source = current.Source == originalSource ? streams[index]?["source"]?.GetValue<string>() ?? current.Source : current.Source;
            var oldName = streams[index]?["name"]?.GetValue<string>() ?? name;
            var fromEnvironment = FromEnvironment(streams[index], originalUrls, current);
            streams[index] = ToSection(current, source, fromEnvironment);
            Write(document, current, fromEnvironment);
            if (!string.Equals(oldName, current.Name, StringComparison.OrdinalIgnoreCase))
            {
                DeleteSecrets(oldName, _ => true);
            }

            return Find(current.Name) ?? current;
        }

        /// <summary>Removes a stream and its URL files; false when there was none.</summary>
        public bool Remove(string name)
        {
            if (!File.Exists(ConfigPath))
            {
                return false;
            }

            var document = Read();
            var streams = Streams(document);
            var index = IndexOf(streams, name);
            if (index < 0)
            {
                return false;
            }

            var stored = streams[index]?["name"]?.GetValue<string>() ?? name;
            streams.RemoveAt(index);
            Write(document, null, null);
            DeleteSecrets(stored, _ => true);
            return true;
        }

        /// <summary>
        /// Enables or disables a stream in the file (Start-/Stop-RtmpStream): a running `rtmpx serve`
        /// reloads the file and starts or stops that stream alone.
        /// </summary>
        /// <exception cref="StreamStoreException">There is no such stream.</exception>
        public StreamDefinition SetEnabled(string name, bool enabled)
        {
            var document = Read();
            var streams = Streams(document);
            var index = IndexOf(streams, name);
            if (index < 0)
            {
                throw Missing(name);
            }

            streams[index]!["enabled"] = enabled;
            Write(document, null, null);
            return Find(name) ?? throw Missing(name);
        }

        private static StreamStoreException Missing(string name) => new StreamStoreException(name, $"There is no stream named '{name}'.");

        private static void Check(StreamDefinition definition)
        {
            if (!StreamsMapper.IsValidName(definition.Name))
            {
                throw new StreamStoreException(definition.Name, $"'{definition.Name}' is not a stream name: 1–{StreamsMapper.MaxNameLength} letters, digits, '-', '_' or '.'.");
            }

            if (string.IsNullOrWhiteSpace(definition.Source))
            {
                throw new StreamStoreException(definition.Name, $"Stream '{definition.Name}' needs a source.");
            }

            if (definition.Destinations == null || definition.Destinations.Count == 0)
            {
                throw new StreamStoreException(definition.Name, $"Stream '{definition.Name}' needs at least one destination.");
            }

            for (var i = 0; i < definition.Destinations.Count; i++)
            {
                if (definition.Destinations[i] == null || !StreamsMapper.IsDestinationUrl(definition.Destinations[i].Url))
                {
                    throw new StreamStoreException(definition.Name, $"Destination {i + 1} of stream '{definition.Name}' is not an rtmp:// or rtmps:// URL with an application and a stream name.");
                }
            }
        }

        private static int IndexOf(JsonArray streams, string name)
        {
            for (var i = 0; i < streams.Count; i++)
            {
                if (streams[i] is JsonObject stream && stream["name"] is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        private static JsonArray Streams(JsonObject document)
        {
            if (document["streams"] is JsonArray streams)
            {
                return streams;
            }

            var created = new JsonArray();
            document["streams"] = created;
            return created;
        }

        private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

        /// <summary>
        /// Keeps the URL files of stream <paramref name="name"/> as its destinations are now: urls[i] in
        /// NAME.i.url (owner-only), and no file for a destination without one (a urlFile or urlEnv of its
        /// own, or gone), so an old key never stays on disk. Returns the files written.
        /// </summary>
        internal IReadOnlyList<string> StoreSecrets(string name, IReadOnlyList<string?> urls)
        {
            var written = new List<string>();
            for (var i = 0; i < urls.Count; i++)
            {
                if (urls[i] != null && OwnerOnly.WriteSecret(Path.Combine(Directory, SecretFile(name, i)), urls[i]!))
                {
                    written.Add(SecretFile(name, i));
                }
            }

            DeleteSecrets(name, i => i >= urls.Count || urls[i] == null);
            return written;
        }

        /// <summary>Where destination <paramref name="index"/> of stream <paramref name="name"/> keeps its URL, relative to the configuration.</summary>
        internal string SecretFile(string name, int index) => Secrets + "/" + name + "." + index + ".url";

        // A destination the file reads from an environment variable stays so while its URL is
        // unchanged: the operator kept that key off the disk, and an edit must not write it there.
        private static JsonObject?[] FromEnvironment(JsonNode? section, List<string> originalUrls, StreamDefinition changed)
        {
            var kept = new JsonObject?[changed.Destinations.Count];
            var old = section?["destinations"] as JsonArray;
            for (var i = 0; old != null && i < kept.Length && i < old.Count && i < originalUrls.Count; i++)
            {
                if (old[i] is JsonObject destination && destination["urlEnv"] is JsonValue env && string.Equals(originalUrls[i], changed.Destinations[i].Url, StringComparison.Ordinal))
                {
                    kept[i] = new JsonObject { ["urlEnv"] = env.GetValue<string>() };
                }
            }

            return kept;
        }

        private JsonObject ToSection(StreamDefinition definition, string source, JsonObject?[]? fromEnvironment)
        {
            var destinations = new JsonArray();
            for (var i = 0; i < definition.Destinations.Count; i++)
            {
                var destination = fromEnvironment?[i] ?? new JsonObject { ["urlFile"] = SecretFile(definition.Name, i) };
                if (definition.Destinations[i].AllowUntrustedCertificate)
                {
                    destination["allowUntrustedCertificate"] = true;
                }

                destinations.Add((JsonNode)destination);
            }

            return new JsonObject
            {
                ["name"] = definition.Name,
                ["source"] = source,
                ["destinations"] = destinations,
                ["enabled"] = definition.Enabled,
                ["audio"] = Camel(definition.Audio.ToString()),
                ["video"] = Camel(definition.Video.ToString()),
            };
        }

        private JsonObject Read()
        {
            var document = ConfigDocument.Read(ConfigPath);
            if (document.Count == 0 && !File.Exists(ConfigPath))
            {
                document["streams"] = new JsonArray();
            }

            return document;
        }

        // The URL files first, then the configuration: a server that reloads on the rename finds every file it names.
        private void Write(JsonObject document, StreamDefinition? secrets, JsonObject?[]? fromEnvironment)
        {
            var text = ConfigDocument.Text(document);
            try
            {
                RtmpxConfigLoader.Parse(text);
            }
            catch (RtmpxConfigException e)
            {
                throw new StreamStoreException(secrets?.Name, "The change would make the configuration invalid: " + string.Join("; ", e.Errors));
            }

            System.IO.Directory.CreateDirectory(Directory);
            if (secrets != null)
            {
                StoreSecrets(secrets.Name, secrets.Destinations.Select((d, i) => fromEnvironment?[i] != null ? null : d.Url).ToList());
            }

            ConfigDocument.Write(ConfigPath, text);
        }

        // Deletes the NAME.N.url files whose N is chosen by `which`; the numbers may have gaps.
        private void DeleteSecrets(string name, Func<int, bool> which)
        {
            var folder = Path.Combine(Directory, Secrets);
            if (!System.IO.Directory.Exists(folder))
            {
                return;
            }

            foreach (var file in System.IO.Directory.GetFiles(folder, name + ".*.url"))
            {
                var number = Path.GetFileNameWithoutExtension(file).Substring(name.Length + 1);
                if (int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && which(i)
                    && string.Equals(Path.GetFileName(file), Path.GetFileName(SecretFile(name, i)), StringComparison.Ordinal))
                {
                    File.Delete(file);
                }
            }
        }
    }
}
