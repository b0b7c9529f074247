using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// A resource model to and from the JSON DSC passes: input is checked property by property (an
    /// unknown property, a wrong type, a value out of range or off its pattern is an error naming the
    /// property, never quoting a write-only value), output leaves out what is write-only.
    /// </summary>
    public static class ResourceJson
    {
        /// <summary>The desired state in <paramref name="input"/>: given properties set, read-only ones ignored.</summary>
        /// <exception cref="ResourceInputException">A property is unknown, of the wrong type, or a key is missing.</exception>
        public static Desired<T> Parse<T>(JsonObject input)
            where T : class, new()
        {
            var (value, given) = ParseObject(typeof(T), input, string.Empty);
            return new Desired<T>((T)value, given);
        }

        /// <summary>The state as output: every property but the write-only ones, null where "off", <c>_inDesiredState</c> only when given.</summary>
        public static JsonObject Write<T>(T state, bool? inDesiredState = null)
            where T : class
        {
            var output = WriteObject(state);
            if (inDesiredState != null)
            {
                output["_inDesiredState"] = inDesiredState.Value;
            }

            return output;
        }

        /// <summary>
        /// A desired state built in code (by a cmdlet) checked as if it had come as JSON: the same patterns,
        /// ranges and required keys, so a cmdlet refuses what `rtmpx resource` refuses, with the same words.
        /// </summary>
        /// <exception cref="ResourceInputException">A given value breaks a rule of its property.</exception>
        public static Desired<T> Checked<T>(T value, IEnumerable<string> given)
            where T : class, new()
        {
            var all = WriteObject(value, withWriteOnly: true);
            var input = new JsonObject();
            foreach (var name in given.Distinct())
            {
                input[name] = all[name]?.DeepClone();
            }

            return Parse<T>(input);
        }

        [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The engine is a root of the ahead-of-time build (Cli.csproj), so resource models keep their properties and constructors.")]
        private static (object Value, List<string> Given) ParseObject(Type model, JsonObject input, string where)
        {
            var properties = ResourceProperties.Of(model);
            var value = Activator.CreateInstance(model)!;
            var given = new List<string>();
            foreach (var entry in input)
            {
                var property = properties.FirstOrDefault(p => p.Name == entry.Key);
                if (property == null)
                {
                    throw new ResourceInputException($"{where}{entry.Key}: not a property (they are {string.Join(", ", properties.Select(p => p.Name))}).");
                }

                if (property.Attribute.ReadOnly)
                {
                    continue;
                }

                property.Set(value, ParseValue(property, entry.Value, where + property.Name));
                given.Add(property.Name);
            }

            foreach (var key in properties.Where(p => p.Attribute.Key && !given.Contains(p.Name)))
            {
                throw new ResourceInputException($"{where}{key.Name}: required (it names the instance).");
            }

            return (value, given);
        }

        [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The engine is a root of the ahead-of-time build (Cli.csproj), so resource models keep their properties and constructors.")]
        private static object? ParseValue(ResourceProperty property, JsonNode? node, string where)
        {
            var type = property.ValueType;
            node = Unwrapped(property, node, property.ItemType != null ? "secureObject" : "secureString", where);
            if (node == null)
            {
                return property.Attribute.Nullable || property.Canonical
                    ? null
                    : throw new ResourceInputException($"{where}: must not be null.");
            }

            try
            {
                if (type == typeof(string))
                {
                    var text = node.GetValue<string>();
                    CheckPattern(property, text, where);
                    return text;
                }

                if (type == typeof(bool))
                {
                    return node.GetValue<bool>();
                }

                if (type == typeof(int))
                {
                    var number = node.GetValue<int>();
                    return number < property.Attribute.Minimum || number > property.Attribute.Maximum
                        ? throw new ResourceInputException($"{where}: {number} is not in {property.Attribute.Minimum}–{property.Attribute.Maximum}.")
                        : number;
                }

                if (type.IsEnum)
                {
                    var text = node.GetValue<string>();
                    var match = ResourceProperties.EnumValues(type).FirstOrDefault(v => ResourceProperties.EnumText(v) == text);
                    return match ?? throw new ResourceInputException($"{where}: '{text}' is not one of {string.Join(", ", ResourceProperties.EnumValues(type).Select(ResourceProperties.EnumText))}.");
                }

                if (type == typeof(JsonObject))
                {
                    return node is JsonObject obj ? obj.DeepClone() : throw new ResourceInputException($"{where}: must be an object.");
                }

                if (property.ItemType != null)
                {
                    var list = (IList)Activator.CreateInstance(type)!;
                    var array = node as JsonArray ?? throw new ResourceInputException($"{where}: must be an array.");
                    for (var i = 0; i < array.Count; i++)
                    {
                        list.Add(ParseItem(property, array[i], $"{where}[{i}]"));
                    }

                    return list;
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException)
            {
                throw new ResourceInputException($"{where}: must be {Describe(type)}.");
            }

            throw new NotSupportedException($"{where}: a property of type {type.Name} has no JSON form.");
        }

        private static object ParseItem(ResourceProperty property, JsonNode? node, string where)
        {
            if (property.ItemType == typeof(string))
            {
                node = Unwrapped(property, node, "secureString", where);
                var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : throw new ResourceInputException($"{where}: must be a string.");
                CheckPattern(property, text, where);
                return text;
            }

            var item = node as JsonObject ?? throw new ResourceInputException($"{where}: must be an object.");
            return ParseObject(property.ItemType!, item, where + ".").Value;
        }

        // dsc's secure value {"secureString": "…"} or {"secureObject": […]} stands for what it holds.
        private static JsonNode? Unwrapped(ResourceProperty property, JsonNode? node, string wrapper, string where)
        {
            if (!property.Attribute.Secret || !(node is JsonObject secure))
            {
                return node;
            }

            return secure.Count == 1 && secure.ContainsKey(wrapper)
                ? secure[wrapper]
                : throw new ResourceInputException($"{where}: must be {(wrapper == "secureString" ? "a string" : "an array")}, or dsc's {{\"{wrapper}\": …}} for a secure parameter.");
        }

        // A write-only value (a key) is never quoted back.
        private static void CheckPattern(ResourceProperty property, string text, string where)
        {
            var attribute = property.Attribute;
            if (attribute.Pattern != null && !Regex.IsMatch(text, attribute.Pattern))
            {
                var form = attribute.Form ?? "of the form " + attribute.Pattern;
                throw new ResourceInputException(attribute.WriteOnly ? $"{where}: not {form}." : $"{where}: '{text}' is not {form}.");
            }
        }

        private static string Describe(Type type) =>
            type == typeof(string) ? "a string" : type == typeof(bool) ? "true or false" : type == typeof(int) ? "an integer" : type.IsEnum ? "a string" : "of another type";

        private static JsonObject WriteObject(object state, bool withWriteOnly = false)
        {
            var output = new JsonObject();
            foreach (var property in ResourceProperties.Of(state.GetType()))
            {
                if ((property.Attribute.WriteOnly && !withWriteOnly) || property.Name == "_inDesiredState")
                {
                    continue;
                }

                var value = property.Get(state);
                if (value == null)
                {
                    if (property.Attribute.Nullable)
                    {
                        output[property.Name] = null;
                    }

                    continue;
                }

                output[property.Name] = WriteValue(value, withWriteOnly);
            }

            return output;
        }

        private static JsonNode? WriteValue(object value, bool withWriteOnly) => value switch
        {
            string text => text,
            bool flag => flag,
            int number => number,
            Enum choice => ResourceProperties.EnumText(choice),
            JsonObject obj => obj.DeepClone(),
            IEnumerable list => new JsonArray(list.Cast<object>().Select(item => item is string s ? (JsonNode)s : WriteObject(item, withWriteOnly)).ToArray()),
            _ => throw new NotSupportedException($"A value of type {value.GetType().Name} has no JSON form."),
        };
    }
}
