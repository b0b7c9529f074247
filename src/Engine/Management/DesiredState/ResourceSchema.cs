using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// The JSON Schema (2020-12) of a resource, made from the same model that parses its input and
    /// writes its output: what a manifest embeds, and what dsc validates input and output against.
    /// </summary>
    public static class ResourceSchema
    {
        /// <summary>The JSON Schema dialect the schemas are written in.</summary>
        public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

        // DSC's canonical property schemas, referenced as its manifest schema requires and copied into
        // $defs under their own $id: dsc's validator cannot fetch a remote $ref (PowerShell/DSC#1033),
        // which is how DSC's own PSScript manifest embeds them.
        private const string CanonicalBase = "https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3/resource/properties/";

        private static readonly IReadOnlyDictionary<string, Func<JsonObject>> Canonical = new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["_exist"] = () => new JsonObject
            {
                ["$schema"] = Dialect,
                ["$id"] = CanonicalBase + "exist.json",
                ["title"] = "Instance should exist",
                ["description"] = "Indicates whether the DSC resource instance should exist.",
                ["type"] = "boolean",
                ["default"] = true,
                ["enum"] = new JsonArray(false, true),
            },
            ["_inDesiredState"] = () => new JsonObject
            {
                ["$schema"] = Dialect,
                ["$id"] = CanonicalBase + "inDesiredState.json",
                ["title"] = "Instance is in the Desired State",
                ["description"] = "Indicates whether the instance is in the desired state. This property is only returned by the `test` method.",
                ["type"] = new JsonArray("boolean", "null"),
                ["readOnly"] = true,
            },
        };

        /// <summary>The schema of the resource modelled by <typeparamref name="T"/>.</summary>
        /// <param name="type">The resource type name, as title ("RtmpXProtect/Instance").</param>
        /// <param name="description">What the resource manages.</param>
        public static JsonObject For<T>(string type, string description)
            where T : class
        {
            var schema = new JsonObject
            {
                ["$schema"] = Dialect,
                ["title"] = type,
                ["description"] = description,
            };
            foreach (var entry in ObjectSchema(typeof(T)))
            {
                schema[entry.Key] = entry.Value?.DeepClone();
            }

            var definitions = new JsonObject();
            foreach (var property in ResourceProperties.Of(typeof(T)).Where(p => p.Canonical))
            {
                var canonical = Canonical[property.Name]();
                definitions[canonical["$id"]!.GetValue<string>()] = canonical;
            }

            if (definitions.Count > 0)
            {
                schema["$defs"] = definitions;
            }

            return schema;
        }

        private static JsonObject ObjectSchema(Type model)
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            foreach (var property in ResourceProperties.Of(model))
            {
                properties[property.Name] = property.Canonical
                    ? new JsonObject { ["$ref"] = CanonicalBase + property.Name.Substring(1) + ".json" }
                    : PropertySchema(property);
                if (property.Attribute.Key)
                {
                    required.Add((JsonNode)property.Name);
                }
            }

            var schema = new JsonObject { ["type"] = "object" };
            if (required.Count > 0)
            {
                schema["required"] = required;
            }

            schema["additionalProperties"] = false;
            schema["properties"] = properties;
            return schema;
        }

        private static JsonObject PropertySchema(ResourceProperty property)
        {
            var attribute = property.Attribute;
            var type = property.ValueType;
            var schema = new JsonObject();
            string jsonType;
            if (type == typeof(string))
            {
                jsonType = "string";
            }
            else if (type == typeof(bool))
            {
                jsonType = "boolean";
            }
            else if (type == typeof(int))
            {
                jsonType = "integer";
            }
            else if (type.IsEnum)
            {
                jsonType = "string";
            }
            else if (type == typeof(JsonObject))
            {
                jsonType = "object";
            }
            else if (property.ItemType != null)
            {
                jsonType = "array";
            }
            else
            {
                throw new NotSupportedException($"{property.Name}: a property of type {type.Name} has no JSON Schema.");
            }

            schema["type"] = attribute.Nullable ? new JsonArray(jsonType, "null") : jsonType;
            schema["description"] = attribute.Description;
            if (type.IsEnum)
            {
                var values = new JsonArray(ResourceProperties.EnumValues(type).Select(v => (JsonNode)ResourceProperties.EnumText(v)).ToArray());
                if (attribute.Nullable)
                {
                    values.Add(null);
                }

                schema["enum"] = values;
            }

            if (attribute.Pattern != null && type == typeof(string))
            {
                schema["pattern"] = attribute.Pattern;
            }

            if (type == typeof(int))
            {
                if (attribute.Minimum != int.MinValue)
                {
                    schema["minimum"] = attribute.Minimum;
                }

                if (attribute.Maximum != int.MaxValue)
                {
                    schema["maximum"] = attribute.Maximum;
                }
            }

            if (property.ItemType == typeof(string))
            {
                var items = new JsonObject { ["type"] = "string" };
                if (attribute.Pattern != null)
                {
                    items["pattern"] = attribute.Pattern;
                }

                schema["items"] = items;
            }
            else if (property.ItemType != null)
            {
                schema["items"] = ObjectSchema(property.ItemType);
            }

            if (type == typeof(JsonObject) && property.Property.GetCustomAttributes(typeof(ResourceSectionsAttribute), false).FirstOrDefault() is ResourceSectionsAttribute sections)
            {
                var allowed = new JsonObject();
                foreach (var section in sections.Names)
                {
                    allowed[section] = new JsonObject { ["type"] = "object" };
                }

                schema["additionalProperties"] = false;
                schema["properties"] = allowed;
            }

            if (attribute.ReadOnly)
            {
                schema["readOnly"] = true;
            }

            if (attribute.WriteOnly)
            {
                schema["writeOnly"] = true;
            }

            return attribute.Secret ? SecretForms(schema, property.ItemType != null) : schema;
        }

        // A secret is also taken as dsc 3.2 passes a secure parameter: a string wrapped as
        // {"secureString": …}, a whole array as {"secureObject": […]} (lib/dsc-lib/src/functions/parameters.rs).
        private static JsonObject SecretForms(JsonObject schema, bool list)
        {
            var plain = new JsonObject();
            foreach (var key in new[] { "type", "pattern", "items" }.Where(schema.ContainsKey))
            {
                plain[key] = schema[key]!.DeepClone();
                schema.Remove(key);
            }

            var given = (JsonObject)plain.DeepClone();
            if (list)
            {
                given["items"] = new JsonObject { ["anyOf"] = new JsonArray(plain["items"]!.DeepClone(), Wrapped("secureString", plain["items"]!)) };
            }

            schema["anyOf"] = new JsonArray(given, Wrapped(list ? "secureObject" : "secureString", plain));
            return schema;
        }

        private static JsonObject Wrapped(string wrapper, JsonNode value) => new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray(wrapper),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject { [wrapper] = value.DeepClone() },
        };
    }
}
