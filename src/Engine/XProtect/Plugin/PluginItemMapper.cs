using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// A plugin item's property bag to and from the engine's <see cref="StreamDefinition"/>: the
    /// source is xprotect:CAMERA-ID, the destinations the URLs the <see cref="IStreamKeyStore"/>
    /// keeps, checked against the masked ones in the bag. No error quotes a value.
    /// </summary>
    public static class PluginItemMapper
    {
        /// <summary>More than this many destinations per camera is a mistake, not a use: each is an upload of the whole stream.</summary>
        public const int MaxDestinations = 8;

        /// <summary>A camera name longer than this is cut.</summary>
        public const int MaxCameraNameLength = 256;

        /// <summary>
        /// Checks an entry, keeps its URLs in <paramref name="keys"/> and returns the property bag to
        /// save: masked URLs and the store's reference, never a key.
        /// </summary>
        /// <exception cref="PluginItemException">A rule is broken; nothing was kept.</exception>
        public static Dictionary<string, string> ToProperties(Guid itemId, PluginItemEntry entry, IStreamKeyStore keys)
        {
            var errors = new List<PluginPropertyError>();
            if (entry.CameraId == Guid.Empty)
            {
                errors.Add(new PluginPropertyError(PluginItemKeys.CameraId, "must name a camera"));
            }

            var urls = ResolveDestinations(entry.Destinations, keys.Load(itemId) ?? Array.Empty<string>(), errors);
            if (errors.Count > 0)
            {
                throw new PluginItemException(errors);
            }

            var reference = keys.Save(itemId, urls);
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [PluginItemKeys.CameraId] = entry.CameraId.ToString("D"),
                [PluginItemKeys.CameraName] = CameraName(entry.CameraName, entry.CameraId),
                [PluginItemKeys.Destinations] = string.Join("\n", urls.Select(DestinationDefinition.Mask)),
                [PluginItemKeys.KeyReference] = reference,
                [PluginItemKeys.AllowUntrustedCertificate] = entry.AllowUntrustedCertificate ? "true" : "false",
                [PluginItemKeys.Enabled] = entry.Enabled ? "true" : "false",
                [PluginItemKeys.Audio] = entry.Audio.ToString(),
            };
        }

        /// <summary>The stream the item defines, named by the item's id, with the kept URLs.</summary>
        /// <exception cref="PluginItemException">A property breaks a rule, or the kept URLs do not match the masked ones.</exception>
        public static StreamDefinition ToDefinition(PluginItem item, IStreamKeyStore keys)
        {
            var errors = new List<PluginPropertyError>();
            var camera = Guid.Empty;
            if (!item.Properties.TryGetValue(PluginItemKeys.CameraId, out var cameraText) || !Guid.TryParse(cameraText, out camera) || camera == Guid.Empty)
            {
                errors.Add(new PluginPropertyError(PluginItemKeys.CameraId, "must be a camera's id (a GUID)"));
            }

            var untrusted = Flag(item, PluginItemKeys.AllowUntrustedCertificate, false, errors);
            var enabled = Flag(item, PluginItemKeys.Enabled, true, errors);
            var audio = AudioMode.Auto;
            if (item.Properties.TryGetValue(PluginItemKeys.Audio, out var audioText) && !TryParseAudio(audioText, out audio))
            {
                errors.Add(new PluginPropertyError(PluginItemKeys.Audio, "must be Auto, Passthrough, Silent or None"));
            }

            var urls = KeptUrls(item, keys, errors);
            if (errors.Count > 0)
            {
                throw new PluginItemException(errors);
            }

            var definition = new StreamDefinition
            {
                Name = item.StreamName,
                Source = FrameSources.XProtectPrefix + camera.ToString("D"),
                Enabled = enabled,
                Audio = audio,
            };
            definition.Destinations.AddRange(urls.Select(u => new DestinationDefinition { Url = u, AllowUntrustedCertificate = untrusted }));
            return definition;
        }

        /// <summary>The camera name the item shows: its property, else the camera's id.</summary>
        public static string CameraNameOf(PluginItem item)
            => item.Properties.TryGetValue(PluginItemKeys.CameraName, out var name) && !string.IsNullOrWhiteSpace(name)
                ? name
                : item.Properties.TryGetValue(PluginItemKeys.CameraId, out var id) && !string.IsNullOrWhiteSpace(id) ? id : item.Name;

        /// <summary>The masked destinations of the bag, one per line: what the detail view shows.</summary>
        public static IReadOnlyList<string> MaskedDestinations(PluginItem item)
            => item.Properties.TryGetValue(PluginItemKeys.Destinations, out var text) && text != null
                ? text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList()
                : (IReadOnlyList<string>)Array.Empty<string>();

        private static List<string> ResolveDestinations(List<string>? given, IReadOnlyList<string> kept, List<PluginPropertyError> errors)
        {
            var urls = new List<string>();
            var lines = (given ?? new List<string>()).Select(d => (d ?? string.Empty).Trim()).Where(d => d.Length > 0).ToList();
            if (lines.Count == 0 || lines.Count > MaxDestinations)
            {
                errors.Add(new PluginPropertyError(PluginItemKeys.Destinations, $"must list 1–{MaxDestinations} rtmp:// or rtmps:// URLs"));
                return urls;
            }

            var unused = kept.ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var at = $"{PluginItemKeys.Destinations}[{i}]";
                if (!StreamsMapper.IsDestinationUrl(line))
                {
                    errors.Add(new PluginPropertyError(at, "must be an rtmp:// or rtmps:// URL with a stream name (the key)"));
                }
                else if (DestinationDefinition.Mask(line) == line)
                {
                    // The masked URL the view showed, left as it was: the kept URL behind it stays.
                    var same = unused.FirstOrDefault(u => DestinationDefinition.Mask(u) == line);
                    if (same == null)
                    {
                        errors.Add(new PluginPropertyError(at, "is masked but no stream key is kept for it: enter the full URL with its key"));
                    }
                    else
                    {
                        unused.Remove(same);
                        urls.Add(same);
                    }
                }
                else
                {
                    urls.Add(line);
                }
            }

            return urls;
        }

        private static IReadOnlyList<string> KeptUrls(PluginItem item, IStreamKeyStore keys, List<PluginPropertyError> errors)
        {
            var masked = MaskedDestinations(item);
            if (masked.Count == 0 || masked.Count > MaxDestinations)
            {
                errors.Add(new PluginPropertyError(PluginItemKeys.Destinations, $"must list 1–{MaxDestinations} destinations"));
                return Array.Empty<string>();
            }

            if (!item.Properties.TryGetValue(PluginItemKeys.KeyReference, out var reference) || string.IsNullOrWhiteSpace(reference))
            {
                errors.Add(new PluginPropertyError(PluginItemKeys.KeyReference, "is missing: the stream keys were never entered"));
                return Array.Empty<string>();
            }

            var urls = keys.Load(item.Id);
            if (urls == null || urls.Count != masked.Count || urls.Where((u, i) => !StreamsMapper.IsDestinationUrl(u) || DestinationDefinition.Mask(u) != masked[i]).Any())
            {
                // The bag was edited elsewhere (the Configuration API) or the store lost its copy.
                errors.Add(new PluginPropertyError(PluginItemKeys.KeyReference, "does not hold the keys of these destinations: enter the URLs again"));
                return Array.Empty<string>();
            }

            return urls;
        }

        private static bool Flag(PluginItem item, string key, bool fallback, List<PluginPropertyError> errors)
        {
            if (!item.Properties.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (bool.TryParse(text.Trim(), out var value))
            {
                return value;
            }

            errors.Add(new PluginPropertyError(key, "must be true or false"));
            return fallback;
        }

        private static bool TryParseAudio(string text, out AudioMode audio)
            => Enum.TryParse(text?.Trim(), ignoreCase: true, out audio) && Enum.IsDefined(typeof(AudioMode), audio) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

        private static string CameraName(string? name, Guid camera)
        {
            var text = (name ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                return camera.ToString("D");
            }

            return text.Length > MaxCameraNameLength ? text.Substring(0, MaxCameraNameLength) : text;
        }
    }
}
