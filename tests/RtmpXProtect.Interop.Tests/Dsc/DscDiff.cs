using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Interop.Tests.Dsc;

/// <summary>
/// dsc's get_diff (lib/dsc-lib/src/dscresources/dscresource.rs): the top-level keys of the desired
/// state whose values differ in the actual one; objects compared key by key (only keys in desired),
/// arrays of equal length ignoring order, strings case-sensitively, _exist true when missing, $schema and
/// secure values ({"secureString": …}, not comparable) skipped.
/// </summary>
public static class DscDiff
{
    public static List<string> Of(JsonObject desired, JsonObject actual)
    {
        var differing = new List<string>();
        foreach (var entry in desired)
        {
            if (entry.Key == "$schema" || DscExpressions.IsSecure(entry.Value))
            {
                continue;
            }

            if (entry.Key == "_exist")
            {
                if ((entry.Value?.GetValue<bool>() ?? true) != (actual["_exist"]?.GetValue<bool>() ?? true))
                {
                    differing.Add(entry.Key);
                }

                continue;
            }

            if (!actual.ContainsKey(entry.Key) || !Same(entry.Value, actual[entry.Key]))
            {
                differing.Add(entry.Key);
            }
        }

        return differing;
    }

    private static bool Same(JsonNode? desired, JsonNode? actual) => desired switch
    {
        JsonObject wanted => actual is JsonObject have && wanted.All(e => have.ContainsKey(e.Key) && Same(e.Value, have[e.Key])),
        JsonArray wanted => actual is JsonArray have && wanted.Count == have.Count && wanted.All(w => have.Any(h => Same(w, h))),
        _ => JsonNode.DeepEquals(desired, actual),
    };
}
