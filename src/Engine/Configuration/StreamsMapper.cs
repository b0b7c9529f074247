using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// The streams section as <see cref="StreamDefinition"/>s. Its shape is checked with the rest of
    /// the file; the URLs kept in files and environment variables are read only by
    /// <see cref="ToStreamDefinitions"/>, which the process that runs the streams calls. No message
    /// quotes a URL: they carry stream keys.
    /// </summary>
    public static class StreamsMapper
    {
        /// <summary>A name is a URL segment of the status API and a command-line argument.</summary>
        public const int MaxNameLength = 64;

        /// <summary>A URL file is one line; anything far larger is not one.</summary>
        private const int MaxUrlFileBytes = 64 * 1024;

        /// <summary>
        /// The streams the configuration defines, disabled ones included, with every URL read from
        /// its file (relative to <paramref name="baseDirectory"/>) or environment variable.
        /// </summary>
        /// <exception cref="RtmpxConfigException">A rule is broken or a URL cannot be read; every problem is listed by key.</exception>
        public static IReadOnlyList<StreamDefinition> ToStreamDefinitions(RtmpxConfig config, string baseDirectory)
        {
            var errors = new List<KeyError>();
            Validate(config.Streams, errors);
            var definitions = new List<StreamDefinition>();
            if (errors.Count == 0)
            {
                for (var i = 0; i < config.Streams.Count; i++)
                {
                    definitions.Add(Resolve(config.Streams[i], $"streams[{i}]", baseDirectory, errors));
                }
            }

            if (errors.Count > 0)
            {
                throw new RtmpxConfigException(errors.Select(e => e.ToString()).ToList());
            }

            return definitions;
        }

        /// <summary>True when <paramref name="name"/> may name a stream: 1–64 letters, digits, '-', '_' or '.', not only dots.</summary>
        public static bool IsValidName(string? name)
            => !string.IsNullOrEmpty(name) && name!.Length <= MaxNameLength && name.Trim('.').Length > 0
               && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.');

        internal static void Validate(List<StreamSection>? streams, List<KeyError> errors)
        {
            if (streams == null)
            {
                errors.Add(new KeyError("streams", "must not be null"));
                return;
            }

            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < streams.Count; i++)
            {
                var key = $"streams[{i}]";
                var stream = streams[i];
                if (stream == null)
                {
                    errors.Add(new KeyError(key, "must be an object"));
                    continue;
                }

                if (!IsValidName(stream.Name))
                {
                    errors.Add(new KeyError(key + ".name", $"must be 1–{MaxNameLength} letters, digits, '-', '_' or '.'"));
                }
                else if (names.TryGetValue(stream.Name!, out var first))
                {
                    errors.Add(new KeyError(key + ".name", $"must be unique (streams[{first}] has the same name)"));
                }
                else
                {
                    names.Add(stream.Name!, i);
                }

                if (!FrameSources.IsWellFormed(stream.Source))
                {
                    errors.Add(new KeyError(key + ".source", "must be " + FrameSources.ExpectedForms));
                }

                ValidateDestinations(stream.Destinations, key + ".destinations", errors);
            }
        }

        private static void ValidateDestinations(List<StreamDestinationSection>? destinations, string key, List<KeyError> errors)
        {
            if (destinations == null || destinations.Count == 0)
            {
                errors.Add(new KeyError(key, "must list at least one destination"));
                return;
            }

            for (var j = 0; j < destinations.Count; j++)
            {
                var at = $"{key}[{j}]";
                var destination = destinations[j];
                if (destination == null)
                {
                    errors.Add(new KeyError(at, "must be an object"));
                    continue;
                }

                var given = (destination.Url != null ? 1 : 0) + (destination.UrlFile != null ? 1 : 0) + (destination.UrlEnv != null ? 1 : 0);
                if (given != 1)
                {
                    errors.Add(new KeyError(at, "must set exactly one of url, urlFile and urlEnv"));
                }
                else if (destination.Url != null && !IsDestinationUrl(destination.Url))
                {
                    errors.Add(new KeyError(at + ".url", "must be an rtmp:// or rtmps:// URL"));
                }
                else if (destination.UrlFile != null && destination.UrlFile.Trim().Length == 0)
                {
                    errors.Add(new KeyError(at + ".urlFile", "must be a file path"));
                }
                else if (destination.UrlEnv != null && destination.UrlEnv.Trim().Length == 0)
                {
                    errors.Add(new KeyError(at + ".urlEnv", "must name an environment variable"));
                }
            }
        }

        /// <summary>An rtmp:// or rtmps:// URL with an application and a stream name, which is where the key goes.</summary>
        public static bool IsDestinationUrl(string url)
            => RtmpUrl.TryParse(url, out var parsed, out _) && parsed != null && parsed.Stream.Length > 0;

        private static StreamDefinition Resolve(StreamSection section, string key, string baseDirectory, List<KeyError> errors)
        {
            var definition = new StreamDefinition
            {
                Name = section.Name!,
                Source = ResolveSource(section.Source!, baseDirectory),
                Enabled = section.Enabled,
                Audio = section.Audio,
                Video = section.Video,
            };
            for (var j = 0; j < section.Destinations.Count; j++)
            {
                var destination = section.Destinations[j];
                var url = ReadUrl(destination, $"{key}.destinations[{j}]", baseDirectory, errors);
                definition.Destinations.Add(new DestinationDefinition { Url = url ?? string.Empty, AllowUntrustedCertificate = destination.AllowUntrustedCertificate });
            }

            return definition;
        }

        // A file (.flv, .gbd, gbd:FILE) is the configuration's, like every path in it: a helper runs
        // in another directory. A URL or an ingest: path is left alone.
        private static string ResolveSource(string source, string baseDirectory)
        {
            if (source.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return source;
            }

            if (source.StartsWith(FrameSources.GenericByteDataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return FrameSources.GenericByteDataPrefix + Path.GetFullPath(Path.Combine(baseDirectory, source.Substring(FrameSources.GenericByteDataPrefix.Length)));
            }

            return MediaFileSource.IsMediaFile(source) || source.EndsWith(".gbd", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFullPath(Path.Combine(baseDirectory, source))
                : source;
        }

        private static string? ReadUrl(StreamDestinationSection destination, string key, string baseDirectory, List<KeyError> errors)
        {
            if (destination.Url != null)
            {
                return destination.Url;
            }

            string? url;
            string from;
            if (destination.UrlFile != null)
            {
                from = key + ".urlFile";
                url = ReadFile(Path.Combine(baseDirectory, destination.UrlFile), from, errors);
            }
            else
            {
                from = key + ".urlEnv";
                url = Environment.GetEnvironmentVariable(destination.UrlEnv!);
                if (url == null)
                {
                    errors.Add(new KeyError(from, "names an environment variable that is not set"));
                    return null;
                }
            }

            url = url?.Trim();
            if (url != null && !IsDestinationUrl(url))
            {
                errors.Add(new KeyError(from, "must hold an rtmp:// or rtmps:// URL"));
                return null;
            }

            return url;
        }

        private static string? ReadFile(string path, string key, List<KeyError> errors)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Exists && info.Length > MaxUrlFileBytes)
                {
                    errors.Add(new KeyError(key, $"must name a file of at most {MaxUrlFileBytes} bytes"));
                    return null;
                }

                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                errors.Add(new KeyError(key, $"names a file that cannot be read ({e.GetType().Name})"));
                return null;
            }
        }
    }
}
