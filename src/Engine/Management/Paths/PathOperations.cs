using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.Engine.Management.Paths
{
    /// <summary>
    /// Get, test, set and remove a path of an instance (paths.entries of its rtmpx.json): what the
    /// RtmpXProtect/Path resource, the RtmpPath DSC class, Set-/Get-/Remove-RtmpPath and `rtmpx instance
    /// path` call. A running instance reloads the file and closes only the sessions a change revokes.
    /// </summary>
    public sealed class PathOperations
    {
        private readonly InstanceOperations _instances;

        /// <summary>Paths of the instances <paramref name="instances"/> manages.</summary>
        public PathOperations(InstanceOperations instances) => _instances = instances ?? throw new ArgumentNullException(nameof(instances));

        /// <summary>The path as it is; <c>_exist</c> false when the instance has no such path (or there is no such instance).</summary>
        public PathResource Get(string instance, string path)
        {
            var entry = Entry(instance, path);
            return entry == null ? new PathResource { Instance = instance, Path = path, Exist = false } : Resource(instance, path, entry);
        }

        /// <summary>The paths of one instance, from one read of its configuration; none when there is no such instance.</summary>
        public IReadOnlyList<PathResource> List(string instance)
            => Entries(instance).Select(e => Resource(instance, e.Key, e.Value)).ToList();

        /// <summary>Every path of every instance.</summary>
        public IReadOnlyList<PathResource> Export() => _instances.Registry.List().SelectMany(r => List(r.Name)).ToList();

        /// <summary>The path as it is, and which given properties differ; keys are compared as sets, without being shown.</summary>
        public TestResult<PathResource> Test(Desired<PathResource> desired)
        {
            var value = desired.Value;
            var actual = Get(value.Instance!, value.Path!);
            var differing = new List<string>();
            var exist = value.Exist ?? true;
            if (exist != (actual.Exist ?? true))
            {
                differing.Add("_exist");
            }

            var entry = exist ? Entry(value.Instance!, value.Path!) : null;
            if (entry != null)
            {
                if (desired.Given("publishKeys") && !Compare.SameSet(value.PublishKeys!, entry.PublishKeys))
                {
                    differing.Add("publishKeys");
                }

                if (desired.Given("playKeys") && !Compare.SameSet(value.PlayKeys!, entry.PlayKeys))
                {
                    differing.Add("playKeys");
                }

                if (desired.Given("publishers") && !Compare.SameSet(value.Publishers!, entry.Publishers))
                {
                    differing.Add("publishers");
                }

                if (desired.Given("record") && value.Record != entry.Record)
                {
                    differing.Add("record");
                }
            }

            return new TestResult<PathResource>(actual, differing);
        }

        /// <summary>Writes the path's given settings into the instance's rtmpx.json (only when they change); <c>_exist</c> false removes it.</summary>
        /// <exception cref="ResourceInputException">No such instance, or the change would make the file invalid; nothing was written.</exception>
        public PathResource Set(Desired<PathResource> desired, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var value = desired.Value;
            if (value.Exist == false && _instances.Layout(value.Instance!) == null)
            {
                // Gone with its instance: already as desired.
                return Get(value.Instance!, value.Path!);
            }

            var layout = _instances.RequireLayout(value.Instance!);
            var file = ConfigDocument.ReadForChange(layout.ConfigFile);
            var entries = ConfigDocument.Section(ConfigDocument.Section(file, "paths"), "entries");
            if (value.Exist == false)
            {
                if (entries.Remove(value.Path!))
                {
                    Write(layout, file, $"removed path {value.Path} of instance {value.Instance}", log);
                }

                return Get(value.Instance!, value.Path!);
            }

            var entry = ConfigDocument.Section(entries, value.Path!);
            foreach (var (name, list) in new[] { ("publishKeys", value.PublishKeys), ("playKeys", value.PlayKeys), ("publishers", value.Publishers) })
            {
                if (desired.Given(name))
                {
                    entry[name] = new JsonArray(list!.Select(item => (JsonNode)item).ToArray());
                }
            }

            if (desired.Given("record"))
            {
                entry["record"] = value.Record;
            }

            Write(layout, file, $"wrote path {value.Path} of instance {value.Instance}", log);
            return Get(value.Instance!, value.Path!);
        }

        private static void Write(InstanceLayout layout, JsonObject file, string done, OperationLog log)
        {
            if (ConfigDocument.Write(layout.ConfigFile, ConfigDocument.Checked(file).Text))
            {
                log.Info(done);
            }
        }

        private static PathResource Resource(string instance, string path, PathEntry entry) => new PathResource
        {
            Instance = instance,
            Path = path,
            Exist = true,
            PublishKeyCount = entry.PublishKeys.Count,
            PlayKeyCount = entry.PlayKeys.Count,
            Publishers = entry.Publishers.ToList(),
            Record = entry.Record,
        };

        private PathEntry? Entry(string instance, string path) => Entries(instance).TryGetValue(path, out var entry) ? entry : null;

        private IReadOnlyDictionary<string, PathEntry> Entries(string instance)
        {
            var layout = _instances.Layout(instance);
            return layout == null ? new Dictionary<string, PathEntry>() : ConfigDocument.Load(layout.ConfigFile).Paths.Entries;
        }
    }
}
