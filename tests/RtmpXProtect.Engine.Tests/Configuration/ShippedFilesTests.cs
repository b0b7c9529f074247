using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Configuration;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Configuration
{
    public class ShippedFilesTests
    {
        [Fact]
        public void The_example_file_equals_the_defaults()
        {
            var example = RtmpxConfigLoader.Load(RepositoryFiles.Path("docs/rtmpx.example.jsonc"));
            Assert.Equal(RtmpxConfigLoader.Serialize(new RtmpxConfig()), RtmpxConfigLoader.Serialize(example));
        }

        [Fact]
        public void The_example_file_writes_every_key_of_the_model()
        {
            var text = File.ReadAllText(RepositoryFiles.Path("docs/rtmpx.example.jsonc"));
            var keys = new List<string>();
            Keys(typeof(RtmpxConfig), string.Empty, keys);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var written = new List<string>();
            Keys(document.RootElement, string.Empty, written);
            Assert.Equal(keys.OrderBy(k => k), written.OrderBy(k => k));
        }

        [Fact]
        public void The_schema_names_every_key_of_the_model_and_no_other()
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("docs/rtmpx.schema.json")));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
            var keys = new List<string>();
            Keys(typeof(RtmpxConfig), string.Empty, keys);
            var described = new List<string>();
            SchemaKeys(schema.RootElement, string.Empty, described);
            Assert.Equal(keys.OrderBy(k => k), described.OrderBy(k => k));
        }

        [Fact]
        public void Every_enum_of_the_model_is_read_and_written_by_its_camelCase_name_and_never_as_a_number()
        {
            var enums = new HashSet<Type>();
            Enums(typeof(RtmpxConfig), enums, new HashSet<Type>());
            Assert.NotEmpty(enums);
            foreach (var type in enums)
            {
                var info = RtmpxConfigLoader.Options.GetTypeInfo(type);
                var last = Enum.GetValues(type).Cast<object>().Last();
                var name = last.ToString()!;
                Assert.Equal($"\"{char.ToLowerInvariant(name[0])}{name.Substring(1)}\"", JsonSerializer.Serialize(last, info));
                Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Convert.ToInt32(last).ToString(), info));
            }
        }

        [Fact]
        public void The_schema_gives_the_defaults_of_the_model()
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("docs/rtmpx.schema.json")));
            using var defaults = JsonDocument.Parse(RtmpxConfigLoader.Serialize(new RtmpxConfig()));
            CompareDefaults(schema.RootElement, defaults.RootElement, string.Empty);
        }

        private static void Enums(Type type, HashSet<Type> enums, HashSet<Type> seen)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsEnum)
            {
                enums.Add(type);
            }
            else if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    Enums(argument, enums, seen);
                }
            }
            else if (type.Namespace?.StartsWith("RtmpXProtect", StringComparison.Ordinal) == true && seen.Add(type))
            {
                foreach (var property in type.GetProperties())
                {
                    Enums(property.PropertyType, enums, seen);
                }
            }
        }

        // Leaf keys of the model as paths ("limits.maxConnections"); a map's values appear as "*".
        private static void Keys(Type type, string prefix, List<string> keys)
        {
            foreach (var property in type.GetProperties())
            {
                var name = prefix + property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
                var t = property.PropertyType;
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                {
                    keys.Add(name);
                    Keys(t.GetGenericArguments()[1], name + ".*.", keys);
                }
                else if (t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t))
                {
                    Keys(t, name + ".", keys);
                }
                else
                {
                    keys.Add(name);
                }
            }
        }

        private static void Keys(JsonElement element, string prefix, List<string> keys)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = prefix + property.Name;
                if (property.Value.ValueKind == JsonValueKind.Object && property.Name != "entries")
                {
                    Keys(property.Value, name + ".", keys);
                }
                else
                {
                    keys.Add(name);
                    if (property.Name == "entries")
                    {
                        // The example's map is empty; its entry keys are documented in the comment.
                        keys.Add(name + ".*.publishKeys");
                        keys.Add(name + ".*.playKeys");
                        keys.Add(name + ".*.publishers");
                        keys.Add(name + ".*.record");
                        keys.Add(name + ".*.source");
                        keys.Add(name + ".*.sourceOnDemand");
                        keys.Add(name + ".*.sourceTransport");
                        keys.Add(name + ".*.sourceCloseAfterSeconds");
                    }
                }
            }
        }

        private static void SchemaKeys(JsonElement schema, string prefix, List<string> keys)
        {
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), prefix + " must refuse unknown keys");
            foreach (var property in schema.GetProperty("properties").EnumerateObject())
            {
                var name = prefix + property.Name;
                var value = property.Value;
                if (value.TryGetProperty("properties", out _))
                {
                    SchemaKeys(value, name + ".", keys);
                }
                else if (value.TryGetProperty("additionalProperties", out var map) && map.ValueKind == JsonValueKind.Object)
                {
                    keys.Add(name);
                    SchemaKeys(map, name + ".*.", keys);
                }
                else
                {
                    Assert.True(value.TryGetProperty("description", out _), name + " needs a description");
                    keys.Add(name);
                }
            }
        }

        private static void CompareDefaults(JsonElement schema, JsonElement defaults, string prefix)
        {
            foreach (var property in defaults.EnumerateObject())
            {
                var described = schema.GetProperty("properties").GetProperty(property.Name);
                if (described.TryGetProperty("properties", out _))
                {
                    CompareDefaults(described, property.Value, prefix + property.Name + ".");
                }
                else
                {
                    Assert.True(described.TryGetProperty("default", out var value), prefix + property.Name + " has no default");
                    Assert.True(JsonElement.DeepEquals(value, property.Value), $"{prefix}{property.Name}: schema {value} but model {property.Value}");
                }
            }
        }
    }
}
