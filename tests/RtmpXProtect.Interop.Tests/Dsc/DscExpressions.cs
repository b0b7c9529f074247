using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// The part of dsc's expression language (lib/dsc-lib/src/parser, functions/) the site documents use: a
/// string "[...]" is a function call (a leading "[[" is a literal "["), with string literals in single
/// quotes ('' inside one), integers, the functions parameters(), concat() and resourceId(), and member
/// access on an object a function returns ([parameters('rs1').rtmp]). The result keeps its JSON type.
/// As dsc 3.2 does (functions/parameters.rs), parameters() wraps the value of a secureString parameter as
/// {"secureString": …} and of a secureObject as {"secureObject": …}, and that is what the resource gets;
/// a member of a secure value is secure too (parser/expressions.rs convert_to_secure).
/// Anything else is refused, so a document that needs more fails here.
/// </summary>
public sealed class DscExpressions
{
    private readonly IReadOnlyDictionary<string, JsonNode?> _parameters;
    private readonly IReadOnlyDictionary<string, string> _types;

    /// <param name="parameters">The parameters' values.</param>
    /// <param name="types">The parameters' declared types (string, secureString, secureObject…).</param>
    public DscExpressions(IReadOnlyDictionary<string, JsonNode?> parameters, IReadOnlyDictionary<string, string> types)
    {
        _parameters = parameters;
        _types = types;
    }

    /// <summary>Whether <paramref name="node"/> is a secure value as dsc makes them (parameters.rs is_secure_value).</summary>
    public static bool IsSecure(JsonNode? node) => node is JsonObject obj && obj.Count == 1 && (obj.ContainsKey("secureString") || obj.ContainsKey("secureObject"));

    /// <summary>A copy of <paramref name="node"/> with every expression string replaced by its value.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, Evaluate(e.Value)))),
        JsonArray array => new JsonArray(array.Select(Evaluate).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => String(text),
        _ => node?.DeepClone(),
    };

    private JsonNode? String(string text)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text.Substring(1);
        }

        if (!text.StartsWith("[", StringComparison.Ordinal) || !text.EndsWith("]", StringComparison.Ordinal))
        {
            return text;
        }

        var position = 1;
        var result = Call(text, ref position);
        if (position != text.Length - 1)
        {
            throw new FormatException($"Unexpected text at {position} in {text}");
        }

        return result;
    }

    private JsonNode? Call(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsLetter(text[position]))
        {
            position++;
        }

        var name = text.Substring(start, position - start);
        Expect(text, ref position, '(');
        var arguments = new List<JsonNode?>();
        Skip(text, ref position);
        while (text[position] != ')')
        {
            arguments.Add(Argument(text, ref position));
            Skip(text, ref position);
            if (text[position] == ',')
            {
                position++;
                Skip(text, ref position);
            }
        }

        position++;
        var result = name switch
        {
            "parameters" => Parameter(arguments.Single()!.GetValue<string>()),
            "concat" when arguments.All(a => a is JsonArray) => new JsonArray(arguments.SelectMany(a => ((JsonArray)a!).Select(i => i?.DeepClone())).ToArray()),
            "concat" => string.Concat(arguments.Select(a => a!.GetValue<string>())),
            "resourceId" => arguments[0]!.GetValue<string>() + ":" + Uri.EscapeDataString(arguments[1]!.GetValue<string>()),
            _ => throw new NotSupportedException($"The stand-in for dsc knows no function '{name}'."),
        };

        // parser/expressions.rs: .member after a function call, on an object value.
        while (position < text.Length && text[position] == '.')
        {
            var start2 = ++position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            var member = text.Substring(start2, position - start2);
            var secure = IsSecure(result);
            var target = secure ? ((JsonObject)result!).Single().Value : result;
            var value = target is JsonObject obj && obj.ContainsKey(member) ? obj[member]?.DeepClone() : throw new KeyNotFoundException($"No member '{member}' in {text}");
            result = secure ? Secure(value) : value;
        }

        return result;
    }

    private JsonNode? Parameter(string name)
    {
        var value = _parameters.TryGetValue(name, out var found) ? found?.DeepClone() : throw new KeyNotFoundException("No parameter " + name);
        return _types.TryGetValue(name, out var type) && type is "secureString" or "secureObject" ? new JsonObject { [type] = value } : value;
    }

    // expressions.rs convert_to_secure: strings and objects wrapped, arrays item by item, the rest as it is.
    private static JsonNode? Secure(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => new JsonObject { ["secureString"] = text },
        JsonObject obj => new JsonObject { ["secureObject"] = obj },
        JsonArray array => new JsonArray(array.Select(i => Secure(i?.DeepClone())).ToArray()),
        _ => value,
    };

    private JsonNode? Argument(string text, ref int position)
    {
        if (text[position] == '\'')
        {
            var literal = new StringBuilder();
            position++;
            while (true)
            {
                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'')
                    {
                        literal.Append('\'');
                        position += 2;
                        continue;
                    }

                    position++;
                    return literal.ToString();
                }

                literal.Append(text[position++]);
            }
        }

        if (char.IsDigit(text[position]) || text[position] == '-')
        {
            var start = position++;
            while (char.IsDigit(text[position]))
            {
                position++;
            }

            return long.Parse(text.Substring(start, position - start), System.Globalization.CultureInfo.InvariantCulture);
        }

        return Call(text, ref position);
    }

    private static void Skip(string text, ref int position)
    {
        while (text[position] == ' ')
        {
            position++;
        }
    }

    private static void Expect(string text, ref int position, char c)
    {
        if (text[position] != c)
        {
            throw new FormatException($"Expected '{c}' at {position} in {text}");
        }

        position++;
    }
}
