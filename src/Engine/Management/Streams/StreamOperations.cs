using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.Management.Streams
{
    /// <summary>
    /// Get, test, set and remove a stream of an instance: what the RtmpXProtect/Stream resource and
    /// the RtmpStream DSC class call; New-/Set-/Remove-RtmpStream -Instance and `rtmpx stream … --instance`
    /// edit the same file through <see cref="StreamStore"/>. A running instance reloads the file and
    /// restarts only the stream that changed.
    /// </summary>
    public sealed class StreamOperations
    {
        private readonly InstanceOperations _instances;

        /// <summary>Streams of the instances <paramref name="instances"/> manages.</summary>
        public StreamOperations(InstanceOperations instances) => _instances = instances ?? throw new ArgumentNullException(nameof(instances));

        /// <summary>The stream as it is; <c>_exist</c> false when the instance has none of that name (or there is no such instance).</summary>
        public StreamResource Get(string instance, string name)
        {
            var layout = _instances.Layout(instance);
            var section = layout == null ? null : Section(layout, name);
            if (layout == null || section == null)
            {
                return new StreamResource { Instance = instance, Name = name, Exist = false };
            }

            return new StreamResource
            {
                Instance = instance,
                Name = section.Name,
                Exist = true,
                Source = section.Source,
                Destinations = section.Destinations.Select(d => new StreamDestinationResource
                {
                    UrlFile = d.UrlFile,
                    UrlEnv = d.UrlEnv,
                    AllowUntrustedCertificate = d.AllowUntrustedCertificate,
                    Shown = d.UrlEnv != null ? $"(the URL in ${d.UrlEnv})" : Resolve(layout, d) is { } url ? DestinationDefinition.Mask(url) : "(unreadable)",
                }).ToList(),
                Enabled = section.Enabled,
                Audio = section.Audio,
                Video = section.Video,
            };
        }

        /// <summary>Every stream of every instance.</summary>
        public IReadOnlyList<StreamResource> Export()
            => _instances.Registry.List()
                .SelectMany(r => Sections(new InstanceLayout(r.Root)).Select(s => Get(r.Name, s.Name!)))
                .ToList();

        /// <summary>The stream as it is, and which given properties differ; URLs are compared with what is stored, without being shown.</summary>
        public TestResult<StreamResource> Test(Desired<StreamResource> desired)
        {
            var value = desired.Value;
            var actual = Get(value.Instance!, value.Name!);
            var differing = new List<string>();
            var exist = value.Exist ?? true;
            if (exist != (actual.Exist ?? true))
            {
                differing.Add("_exist");
            }

            var layout = _instances.Layout(value.Instance!);
            var section = exist && layout != null ? Section(layout, value.Name!) : null;
            if (section == null || layout == null)
            {
                return new TestResult<StreamResource>(actual, differing);
            }

            if (desired.Given("source") && value.Source != section.Source)
            {
                differing.Add("source");
            }

            if (desired.Given("destinations") && !SameDestinations(layout, value.Destinations!, section.Destinations))
            {
                differing.Add("destinations");
            }

            if (desired.Given("enabled") && value.Enabled != section.Enabled)
            {
                differing.Add("enabled");
            }

            if (desired.Given("audio") && value.Audio != section.Audio)
            {
                differing.Add("audio");
            }

            if (desired.Given("video") && value.Video != section.Video)
            {
                differing.Add("video");
            }

            return new TestResult<StreamResource>(actual, differing);
        }

        /// <summary>Writes the stream's given settings (and its URLs into secrets/) when they change; <c>_exist</c> false removes it.</summary>
        /// <exception cref="ResourceInputException">No such instance, a new stream without source or destinations, or a change the configuration refuses; nothing was written.</exception>
        public StreamResource Set(Desired<StreamResource> desired, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var value = desired.Value;
            var name = value.Name!;
            if (value.Exist == false && _instances.Layout(value.Instance!) == null)
            {
                // Gone with its instance: already as desired.
                return Get(value.Instance!, name);
            }

            var layout = _instances.RequireLayout(value.Instance!);
            var store = new StreamStore(layout.ConfigFile);
            if (value.Exist == false)
            {
                if (store.Remove(name))
                {
                    log.Info($"removed stream {name} of instance {value.Instance}");
                }

                return Get(value.Instance!, name);
            }

            var file = ConfigDocument.ReadForChange(layout.ConfigFile);
            var streams = file["streams"] as JsonArray ?? new JsonArray();
            file["streams"] = streams;
            var index = streams.Select((s, i) => (s, i)).Where(e => e.s?["name"] is JsonValue n && string.Equals(n.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase)).Select(e => e.i).DefaultIfEmpty(-1).First();
            var current = index < 0 ? new JsonObject { ["name"] = name } : (JsonObject)streams[index]!;
            if (index < 0 && (!desired.Given("source") || !desired.Given("destinations")))
            {
                throw new ResourceInputException($"source: stream {name} does not exist yet; give its source and destinations to create it.");
            }

            var urls = new List<string?>();
            if (desired.Given("source"))
            {
                current["source"] = value.Source;
            }

            if (desired.Given("destinations"))
            {
                if (value.Destinations!.Count == 0)
                {
                    throw new ResourceInputException($"destinations: stream {name} needs at least one destination.");
                }

                var destinations = new JsonArray();
                for (var i = 0; i < value.Destinations!.Count; i++)
                {
                    var wanted = value.Destinations[i];
                    var given = (wanted.Url != null ? 1 : 0) + (wanted.UrlFile != null ? 1 : 0) + (wanted.UrlEnv != null ? 1 : 0);
                    if (given != 1)
                    {
                        throw new ResourceInputException($"destinations[{i}]: give exactly one of url, urlFile and urlEnv.");
                    }

                    var destination = new JsonObject();
                    urls.Add(wanted.Url);
                    if (wanted.Url != null)
                    {
                        destination["urlFile"] = store.SecretFile(name, i);
                    }
                    else if (wanted.UrlFile != null)
                    {
                        destination["urlFile"] = wanted.UrlFile;
                    }
                    else
                    {
                        destination["urlEnv"] = wanted.UrlEnv;
                    }

                    if (wanted.AllowUntrustedCertificate == true)
                    {
                        destination["allowUntrustedCertificate"] = true;
                    }

                    destinations.Add((JsonNode)destination);
                }

                current["destinations"] = destinations;
            }

            if (desired.Given("enabled"))
            {
                current["enabled"] = value.Enabled;
            }

            if (desired.Given("audio"))
            {
                current["audio"] = JsonNamingPolicy.CamelCase.ConvertName(value.Audio.ToString()!);
            }

            if (desired.Given("video"))
            {
                current["video"] = JsonNamingPolicy.CamelCase.ConvertName(value.Video.ToString()!);
            }

            if (index < 0)
            {
                streams.Add((JsonNode)current);
            }

            // The URLs are checked with the file (a URL that is not rtmp(s):// is refused by the loader
            // through its urlFile); they are written first, so a reload finds every file the file names.
            foreach (var url in urls.Where(u => u != null))
            {
                if (!StreamsMapper.IsDestinationUrl(url!))
                {
                    throw new ResourceInputException($"destinations: a url of stream {name} is not an rtmp:// or rtmps:// URL with an application and a stream name.");
                }
            }

            var (text, _) = ConfigDocument.Checked(file);
            if (desired.Given("destinations"))
            {
                foreach (var secret in store.StoreSecrets(name, urls))
                {
                    log.Info($"stored destination URL {secret} of stream {name}");
                }
            }

            if (ConfigDocument.Write(layout.ConfigFile, text))
            {
                log.Info($"wrote stream {name} of instance {value.Instance}");
            }

            return Get(value.Instance!, name);
        }

        private static bool SameDestinations(InstanceLayout layout, List<StreamDestinationResource> wanted, List<StreamDestinationSection> have)
        {
            if (wanted.Count != have.Count)
            {
                return false;
            }

            for (var i = 0; i < wanted.Count; i++)
            {
                var want = wanted[i];
                var stored = have[i];
                if ((want.AllowUntrustedCertificate ?? false) != stored.AllowUntrustedCertificate)
                {
                    return false;
                }

                var same = want.Url != null ? stored.UrlEnv == null && Resolve(layout, stored) == want.Url
                    : want.UrlFile != null ? stored.UrlFile == want.UrlFile
                    : stored.UrlEnv == want.UrlEnv;
                if (!same)
                {
                    return false;
                }
            }

            return true;
        }

        // The URL a destination holds, read from its file when it has one; null when it cannot be read.
        private static string? Resolve(InstanceLayout layout, StreamDestinationSection destination)
        {
            if (destination.Url != null)
            {
                return destination.Url;
            }

            var file = destination.UrlFile == null ? null : Path.Combine(layout.Root, destination.UrlFile);
            try
            {
                return file != null && File.Exists(file) ? File.ReadAllText(file).Trim() : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static StreamSection? Section(InstanceLayout layout, string name)
            => Sections(layout).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

        private static IReadOnlyList<StreamSection> Sections(InstanceLayout layout) => ConfigDocument.Load(layout.ConfigFile).Streams;
    }
}
