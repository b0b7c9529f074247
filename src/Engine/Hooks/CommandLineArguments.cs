using System.Collections.Generic;
using System.Text;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// Joins arguments into the one string netstandard2.0's ProcessStartInfo takes, quoted so the
    /// runtime splits it back into exactly these arguments (the CommandLineToArgvW rules, which
    /// .NET applies on every OS): no shell ever sees it.
    /// </summary>
    internal static class CommandLineArguments
    {
        public static string Join(IEnumerable<string> arguments)
        {
            var line = new StringBuilder();
            foreach (var argument in arguments)
            {
                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                Append(line, argument);
            }

            return line.ToString();
        }

        private static void Append(StringBuilder line, string argument)
        {
            line.Append('"');
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                // Backslashes before a quote are literal only when doubled; the quote itself is escaped.
                line.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes);
                backslashes = 0;
                line.Append(c);
            }

            // Before the closing quote, backslashes must be doubled or they would escape it.
            line.Append('\\', backslashes * 2);
            line.Append('"');
        }
    }
}
