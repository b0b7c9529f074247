using System;
using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.HelpGen
{
    /// <summary>An example: its title, the fenced code, and the remarks after it.</summary>
    internal sealed class HelpExample
    {
        public HelpExample(string title, string code, string remarks)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
        }

        public string Title { get; }
        public string Code { get; }
        public string Remarks { get; }

        public static HelpExample From(string title, List<string> body, string file)
        {
            var open = body.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
            var close = open < 0 ? -1 : body.FindIndex(open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            if (close < 0)
            {
                throw new FormatException($"{file}: example '{title}' has no fenced code.");
            }

            var code = string.Join("\n", body.Skip(open + 1).Take(close - open - 1)).Trim();
            var remarks = string.Join("\n", body.Skip(close + 1)).Trim();
            return new HelpExample(title, code, remarks);
        }
    }
}
