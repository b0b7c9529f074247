using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Streaming;
using Serilog.Events;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// Reads rtmpx.json: comments and trailing commas allowed (it is edited by hand), unknown keys
    /// refused (a misspelt key would otherwise be a silently ignored setting), and the result
    /// validated, every error with its line and key.
    /// </summary>
    public static class RtmpxConfigLoader
    {
        private const int MaxFileBytes = 4 * 1024 * 1024;

        /// <summary>How the file is read and written.</summary>
        internal static readonly JsonSerializerOptions Options = CreateOptions();

        /// <summary>Reads and validates a configuration file.</summary>
        /// <exception cref="RtmpxConfigException">The file cannot be read, is not valid JSON, or breaks a rule.</exception>
        public static RtmpxConfig Load(string path)
        {
            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                if (info.Exists && info.Length > MaxFileBytes)
                {
                    throw new RtmpxConfigException(new[] { $"{path}: larger than {MaxFileBytes} bytes; not a configuration file" });
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new RtmpxConfigException(new[] { $"{path}: cannot be read ({e.GetType().Name})" });
            }

            return Parse(bytes);
        }

        /// <summary>Parses and validates configuration text.</summary>
        /// <exception cref="RtmpxConfigException">The text is not valid JSON or breaks a rule.</exception>
        public static RtmpxConfig Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

        /// <summary>The configuration as JSON, every key written, as the loader reads it back.</summary>
        public static string Serialize(RtmpxConfig config) => EngineJson.Serialize(config, Options);

        private static RtmpxConfig Parse(byte[] bytes)
        {
            // A UTF-8 byte order mark is what Windows editors write; the reader refuses it.
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            var json = start == 0 ? bytes : bytes.Skip(start).ToArray();
            RtmpxConfig? config;
            try
            {
                config = JsonSerializer.Deserialize(json, EngineJson.TypeInfo<RtmpxConfig>(Options));
            }
            catch (JsonException e)
            {
                throw new RtmpxConfigException(new[] { Describe(e) });
            }

            if (config == null)
            {
                throw new RtmpxConfigException(new[] { "line 1: the file must hold a JSON object" });
            }

            var errors = new List<KeyError>();
            RtmpxConfigMapper.Map(config, errors);
            if (errors.Count > 0)
            {
                var lines = JsonKeyLines.Read(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
                throw new RtmpxConfigException(errors
                    .Select(error => (Line: LineOf(lines, error.Key), Text: error.ToString()))
                    .OrderBy(error => error.Line ?? int.MaxValue)
                    .Select(error => error.Line is int line ? $"line {line}: {error.Text}" : error.Text)
                    .ToList());
            }

            return config;
        }

        // A key the file does not hold (a missing section) takes the line of its nearest parent.
        private static int? LineOf(Dictionary<string, int> lines, string key)
        {
            while (key.Length > 0)
            {
                if (lines.TryGetValue(key, out var line))
                {
                    return line;
                }

                var cut = Math.Max(key.LastIndexOf('.'), key.LastIndexOf('['));
                key = cut < 0 ? string.Empty : key.Substring(0, cut);
            }

            return null;
        }

        // The serializer's own messages quote file content; these name only the line and the key.
        private static string Describe(JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var key = KeyPath(e.Path);
            var message = e.Message ?? string.Empty;
            if (message.IndexOf("could not be mapped to any .NET member", StringComparison.Ordinal) >= 0)
            {
                // The path already ends with the unknown name.
                return $"line {line}: {(key.Length == 0 ? Between(message, "The JSON property '", "'") : key)} is not a known key";
            }

            if (message.IndexOf("could not be converted", StringComparison.Ordinal) >= 0)
            {
                if (key.Length == 0)
                {
                    return $"line {line}: the file must hold a JSON object";
                }

                return $"line {line}: {key} must be {Expected(key)}";
            }

            return $"line {line}: not valid JSON (column {(e.BytePositionInLine ?? 0) + 1})";
        }

        private static string Between(string text, string before, string after)
        {
            var start = text.IndexOf(before, StringComparison.Ordinal);
            if (start < 0)
            {
                return "?";
            }

            start += before.Length;
            var end = text.IndexOf(after, start, StringComparison.Ordinal);
            return end < 0 ? "?" : text.Substring(start, end - start);
        }

        // "$.paths.entries['live/cam1'].publishKeys[0]" -> "paths.entries.live/cam1.publishKeys[0]".
        private static string KeyPath(string? path)
        {
            if (string.IsNullOrEmpty(path) || path == "$")
            {
                return string.Empty;
            }

            var text = path!.StartsWith("$.", StringComparison.Ordinal) ? path.Substring(2) : path.TrimStart('$');
            return text.Replace("['", ".").Replace("']", string.Empty).TrimStart('.');
        }

        private static string Expected(string key)
        {
            var type = typeof(RtmpxConfig);
            foreach (var segment in Segments(key))
            {
                if (segment == "[]")
                {
                    type = type.IsGenericType ? type.GetGenericArguments()[0] : typeof(object);
                }
                else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                {
                    type = type.GetGenericArguments()[1];
                }
                else
                {
                    var property = Options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == segment);
                    if (property == null)
                    {
                        return "of another type";
                    }

                    type = property.PropertyType;
                }
            }

            return Describe(type);
        }

        private static IEnumerable<string> Segments(string key)
        {
            foreach (var part in key.Split('.'))
            {
                var bracket = part.IndexOf('[');
                yield return bracket < 0 ? part : part.Substring(0, bracket);
                for (var i = bracket; i >= 0; i = part.IndexOf('[', i + 1))
                {
                    yield return "[]";
                }
            }
        }

        private static string Describe(Type type)
        {
            if (type == typeof(int) || type == typeof(long))
            {
                return "an integer";
            }

            if (type == typeof(bool))
            {
                return "true or false";
            }

            if (type == typeof(string))
            {
                return "a string";
            }

            if (type.IsEnum)
            {
                return "one of " + string.Join(", ", Enum.GetNames(type).Select(Camel));
            }

            if (typeof(IList).IsAssignableFrom(type))
            {
                return "an array of " + Describe(type.GetGenericArguments()[0]).Replace("a string", "strings");
            }

            return "an object";
        }

        private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static JsonSerializerOptions CreateOptions()
        {
            var options = EngineJson.Resolving(new JsonSerializerOptions
            {
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
                MaxDepth = 64,
                WriteIndented = true,
            });

            // Every enum of the file by its camelCase name, never a number (a number is a setting
            // nobody can read); ShippedFilesTests walks the model so that none is left out here.
            options.Converters.Add(new JsonStringEnumConverter<AccessMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<TakeoverPolicy>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<VideoCodecPolicy>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<AudioMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<LogRollingInterval>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<LogEventLevel>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<RtmpXProtect.Engine.Recording.RecordingFormat>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            return options;
        }
    }
}
