using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Hooks;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// The parts of an instance's rtmpx.json its resource owns: the rtmp, rtmps and api endpoints and
    /// the sections of <see cref="InstanceResource.Config"/>, read as they take effect (defaults
    /// included, so a desired default is found in place) and merged key by key into the file.
    /// </summary>
    internal static class InstanceConfig
    {
        /// <summary>The sections an instance's config may set, as its resource property declares them.</summary>
        public static readonly string[] Sections = ((ResourceSectionsAttribute)typeof(InstanceResource).GetProperty(nameof(InstanceResource.Config))!
            .GetCustomAttributes(typeof(ResourceSectionsAttribute), false).Single()).Names;

        private const string Mask = ShownUrl.Mask;

        /// <summary>What a new instance's rtmpx.json holds before its desired state is applied: logging into logs/.</summary>
        public static JsonObject NewFile() => new JsonObject
        {
            ["logging"] = new JsonObject { ["file"] = "logs/rtmpx.log" },
        };

        public static string? Rtmp(RtmpxConfig config) => config.Listeners.Rtmp.Enabled ? config.Listeners.Rtmp.Listen : null;

        public static string? Rtmps(RtmpxConfig config) => config.Listeners.Rtmps.Enabled ? config.Listeners.Rtmps.Listen : null;

        public static string? Rtsp(RtmpxConfig config) => config.Listeners.Rtsp.Enabled ? config.Listeners.Rtsp.Listen : null;

        public static string? Api(RtmpxConfig config) => config.Api.Listen;

        /// <summary>The sections as they take effect; paths without its entries (RtmpXProtect/Path owns those).</summary>
        public static JsonObject Effective(RtmpxConfig config)
        {
            var all = (JsonObject)JsonNode.Parse(RtmpxConfigLoader.Serialize(config))!;
            var sections = new JsonObject();
            foreach (var name in Sections)
            {
                sections[name] = all[name]?.DeepClone();
            }

            (sections["paths"] as JsonObject)?.Remove("entries");
            return sections;
        }

        /// <summary>The sections as shown: keys masked, URLs without user info and query.</summary>
        public static JsonObject Shown(JsonObject effective)
        {
            var shown = (JsonObject)effective.DeepClone();
            if (shown["paths"] is JsonObject paths)
            {
                foreach (var list in new[] { "publishKeys", "playKeys" })
                {
                    if (paths[list] is JsonArray keys)
                    {
                        paths[list] = new JsonArray(keys.Select(_ => (JsonNode)Mask).ToArray());
                    }
                }
            }

            if (shown["auth"] is JsonObject auth && auth["callbackUrl"] is JsonValue callback)
            {
                auth["callbackUrl"] = ShownUrl.Of(callback.GetValue<string>());
            }

            // A command's arguments may carry a token (curl -H "Authorization: Bearer …").
            foreach (var command in (shown["hooks"]?["commands"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                if (command["args"] is JsonArray arguments)
                {
                    command["args"] = new JsonArray(arguments.Select(_ => (JsonNode)Mask).ToArray());
                }
            }

            if (shown["hooks"] is JsonObject hooks && hooks["webhooks"] is JsonArray webhooks)
            {
                foreach (var webhook in webhooks.OfType<JsonObject>())
                {
                    if (webhook["url"] is JsonValue url)
                    {
                        webhook["url"] = ShownUrl.Of(url.GetValue<string>());
                    }
                }
            }

            return shown;
        }

        /// <summary>
        /// Whether the sections the file takes effect with differ from <paramref name="desired"/>, key by
        /// key. The desired sections are merged into a copy of the file and read back by the loader, so
        /// both sides are in the loader's form: defaults filled in (a webhook given with its url alone),
        /// enum names as the loader writes them ("Warning" and "warning").
        /// </summary>
        public static bool Differs(JsonObject file, RtmpxConfig actual, JsonObject desired)
        {
            var merged = (JsonObject)file.DeepClone();
            foreach (var entry in desired)
            {
                if (entry.Value is JsonObject section)
                {
                    Merge(ConfigDocument.Section(merged, entry.Key), section);
                }
            }

            RtmpxConfig wanted;
            try
            {
                wanted = RtmpxConfigLoader.Parse(ConfigDocument.Text(merged));
            }
            catch (RtmpxConfigException)
            {
                // Not a state the file can be in: set says why.
                return true;
            }

            return !Contains(Effective(actual), Pick(Effective(wanted), desired));
        }

        /// <summary>Whether every key of <paramref name="desired"/> has its value in <paramref name="actual"/> (objects key by key, anything else equal).</summary>
        public static bool Contains(JsonNode? actual, JsonNode? desired)
        {
            if (desired is JsonObject wanted)
            {
                return actual is JsonObject have && wanted.All(entry => have.ContainsKey(entry.Key) && Contains(have[entry.Key], entry.Value));
            }

            return JsonNode.DeepEquals(actual, desired);
        }

        // The parts of full that shape names: its keys, recursively into objects; anything else whole.
        private static JsonNode? Pick(JsonNode? full, JsonNode? shape)
        {
            if (shape is not JsonObject keys || full is not JsonObject values)
            {
                return full?.DeepClone();
            }

            var picked = new JsonObject();
            foreach (var key in keys)
            {
                picked[key.Key] = values.ContainsKey(key.Key) ? Pick(values[key.Key], key.Value) : null;
            }

            return picked;
        }

        /// <summary>Sets every key of <paramref name="source"/> in <paramref name="target"/>, objects merged key by key.</summary>
        public static void Merge(JsonObject target, JsonObject source)
        {
            foreach (var entry in source.ToList())
            {
                if (entry.Value is JsonObject child && target[entry.Key] is JsonObject existing)
                {
                    Merge(existing, child);
                }
                else
                {
                    target[entry.Key] = entry.Value?.DeepClone();
                }
            }
        }

        /// <summary>Writes the given endpoints and sections into the instance's file.</summary>
        /// <exception cref="ResourceInputException">An endpoint is not ADDRESS:PORT, the API is not on loopback, or config sets what other resources own.</exception>
        public static void Apply(JsonObject file, Desired<InstanceResource> desired)
        {
            var value = desired.Value;
            if (desired.Given("rtmp"))
            {
                var rtmp = ConfigDocument.Section(ConfigDocument.Section(file, "listeners"), "rtmp");
                rtmp["enabled"] = value.Rtmp != null;
                if (value.Rtmp != null)
                {
                    rtmp["listen"] = Checked("rtmp", value.Rtmp).ToString();
                }
            }

            if (desired.Given("rtmps"))
            {
                var rtmps = ConfigDocument.Section(ConfigDocument.Section(file, "listeners"), "rtmps");
                rtmps["enabled"] = value.Rtmps != null;
                if (value.Rtmps != null)
                {
                    rtmps["listen"] = Checked("rtmps", value.Rtmps).ToString();
                    rtmps["certificate"] = new JsonObject
                    {
                        ["path"] = InstanceLayout.CertificateFile,
                        ["passwordFile"] = InstanceLayout.CertificatePasswordFile,
                    };
                }
            }

            var listeners = ConfigDocument.Section(file, "listeners");
            if (desired.Given("rtsp"))
            {
                var rtsp = ConfigDocument.Section(listeners, "rtsp");
                rtsp["enabled"] = value.Rtsp != null;
                if (value.Rtsp != null)
                {
                    rtsp["listen"] = Checked("rtsp", value.Rtsp).ToString();
                }
            }
            else if (!listeners.ContainsKey("rtsp"))
            {
                // An instance's ports are its resource's to give: RTSP is off until rtsp names one, so
                // instances installed side by side (or upgraded from before RTSP) do not all take 8554.
                listeners["rtsp"] = new JsonObject { ["enabled"] = false };
            }

            if (desired.Given("api"))
            {
                if (value.Api != null && !IPAddress.IsLoopback(Checked("api", value.Api).Address))
                {
                    throw new ResourceInputException($"api: {value.Api} is not a loopback address; the status API has no authentication and can drop sessions.");
                }

                ConfigDocument.Section(file, "api")["listen"] = value.Api == null ? null : Checked("api", value.Api).ToString();
            }

            if (desired.Given("config") && value.Config != null)
            {
                if (value.Config["paths"] is JsonObject paths && paths.ContainsKey("entries"))
                {
                    throw new ResourceInputException("config.paths.entries: paths of an instance are RtmpXProtect/Path resources (Set-RtmpPath, rtmpx instance path).");
                }

                // config is reported and echoed by dsc, so it carries no key: keys are a path's, write-only there.
                if (value.Config["paths"] is JsonObject keyed && (keyed.ContainsKey("publishKeys") || keyed.ContainsKey("playKeys")))
                {
                    throw new ResourceInputException("config.paths.publishKeys: keys are not part of an instance's config, which is shown; give each path its keys (RtmpXProtect/Path, Set-RtmpPath).");
                }

                foreach (var entry in value.Config.ToList())
                {
                    if (!Sections.Contains(entry.Key))
                    {
                        throw new ResourceInputException($"config.{entry.Key}: not a section an instance's config sets (they are {string.Join(", ", Sections)}).");
                    }

                    if (entry.Value is not JsonObject section)
                    {
                        throw new ResourceInputException($"config.{entry.Key}: must be an object.");
                    }

                    Merge(ConfigDocument.Section(file, entry.Key), section);
                }
            }
        }

        /// <summary>The endpoint in <paramref name="text"/>, or an error naming the property.</summary>
        public static IPEndPoint Checked(string property, string text)
            => ListenAddress.Parse(text) ?? throw new ResourceInputException($"{property}: '{text}' is not ADDRESS:PORT (\"0.0.0.0:1935\", \"[::]:1935\").");

        /// <summary>Two endpoint texts that name the same endpoint ("0.0.0.0:1935" and "0.0.0.0:01935").</summary>
        public static bool SameEndpoint(string? a, string? b)
            => a == null || b == null ? a == b : Equals(ListenAddress.Parse(a), ListenAddress.Parse(b));
    }
}
