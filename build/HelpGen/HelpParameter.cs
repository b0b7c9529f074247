using System;
using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.HelpGen
{
    /// <summary>A parameter: its description and the platyPS yaml block (Type, Required, Position, ...).</summary>
    internal sealed class HelpParameter
    {
        private HelpParameter(string name, string description, IReadOnlyDictionary<string, string> fields)
        {
            Name = name;
            Description = description;
            Fields = fields;
        }

        public string Name { get; }
        public string Description { get; }
        public IReadOnlyDictionary<string, string> Fields { get; }

        /// <summary>The parameter sets the page names for it; empty for (All).</summary>
        public IReadOnlyList<string> Sets =>
            Field("Parameter Sets", "(All)").Split(',').Select(s => s.Trim()).Where(s => s.Length > 0 && s != "(All)").ToList();

        /// <summary>Whether the parameter belongs to <paramref name="set"/> (null: the command has one set).</summary>
        public bool InSet(string? set) => set == null || Sets.Count == 0 || Sets.Contains(set, StringComparer.Ordinal);

        public string Field(string key, string fallback) => Fields.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;

        public static HelpParameter From(string name, List<string> body)
        {
            var open = body.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
            var close = open < 0 ? -1 : body.FindIndex(open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            var description = string.Join("\n", open < 0 ? body : body.Take(open)).Trim();
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (close > open)
            {
                foreach (var line in body.Skip(open + 1).Take(close - open - 1))
                {
                    var colon = line.IndexOf(':');
                    if (colon > 0)
                    {
                        fields[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                    }
                }
            }

            return new HelpParameter(name, description, fields);
        }
    }
}
