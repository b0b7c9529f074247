using System;
using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.HelpGen
{
    /// <summary>One docs/commands page: the sections platyPS writes, read back from markdown.</summary>
    internal sealed class CommandPage
    {
        public string Name { get; private set; } = string.Empty;
        public string Synopsis { get; private set; } = string.Empty;
        public string Description { get; private set; } = string.Empty;
        public List<HelpExample> Examples { get; } = new List<HelpExample>();
        public List<HelpParameter> Parameters { get; } = new List<HelpParameter>();
        public string Inputs { get; private set; } = string.Empty;
        public string Outputs { get; private set; } = string.Empty;
        public string Notes { get; private set; } = string.Empty;

        /// <summary>The named parameter sets in page order, or one null entry when every parameter is in (All).</summary>
        public IReadOnlyList<string?> ParameterSets()
        {
            var sets = Parameters.SelectMany(p => p.Sets).Distinct(StringComparer.Ordinal).Cast<string?>().ToList();
            return sets.Count > 0 ? sets : new List<string?> { null };
        }

        /// <summary>Reads a page; a missing synopsis, description or example is an error, so the build fails on thin help.</summary>
        public static CommandPage Parse(string markdown, string file)
        {
            var page = new CommandPage();
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            var start = 0;
            if (lines.Length > 0 && lines[0] == "---")
            {
                start = Array.IndexOf(lines, "---", 1) + 1; // front matter: not help text
            }

            string? section = null;
            string? sub = null;
            var buffer = new List<string>();
            void Flush()
            {
                page.Take(section, sub, buffer, file);
                buffer.Clear();
            }

            for (var i = start; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    page.Name = line.Substring(2).Trim();
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    section = line.Substring(3).Trim().ToUpperInvariant();
                    sub = null;
                }
                else if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    Flush();
                    sub = line.Substring(4).Trim();
                }
                else
                {
                    buffer.Add(line);
                }
            }

            Flush();
            if (page.Name.Length == 0 || page.Synopsis.Length == 0 || page.Description.Length == 0 || page.Examples.Count == 0)
            {
                throw new FormatException($"{file}: a page needs '# Name', SYNOPSIS, DESCRIPTION and at least one example.");
            }

            return page;
        }

        private void Take(string? section, string? sub, List<string> body, string file)
        {
            var text = string.Join("\n", body).Trim();
            switch (section)
            {
                case "SYNOPSIS": Synopsis = text; break;
                case "DESCRIPTION": Description = text; break;
                case "INPUTS": Inputs = Join(Inputs, sub, string.Empty); break;
                case "OUTPUTS": Outputs = Join(Outputs, sub, string.Empty); break;
                case "NOTES": Notes = text; break;
                case "EXAMPLES" when sub != null: Examples.Add(HelpExample.From(sub, body, file)); break;
                case "PARAMETERS" when sub != null && sub.StartsWith("-", StringComparison.Ordinal):
                    Parameters.Add(HelpParameter.From(sub.Substring(1), body));
                    break;
            }
        }

        private static string Join(string so, string? sub, string text) =>
            string.Join("\n", new[] { so, sub ?? string.Empty, text }.Where(s => s.Length > 0));
    }
}
