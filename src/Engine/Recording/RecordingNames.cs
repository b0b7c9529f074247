using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// Recording file names from a pattern, and back: the pattern's fields (<c>%path</c>,
    /// <c>%Y %m %d %H %M %S %f</c>) name each segment, and a file whose name matches tells its path
    /// and start without being opened, which is how the catalog and retention find them. Times
    /// are UTC, so names never repeat or go back when clocks change for summer time.
    /// </summary>
    public static class RecordingNames
    {
        private static readonly string[] Required = { "%path", "%Y", "%m", "%d", "%H", "%M", "%S" };

        /// <summary>The extension of files of <paramref name="format"/>.</summary>
        public static string Extension(RecordingFormat format) => format == RecordingFormat.Flv ? ".flv" : ".mp4";

        /// <summary>Why <paramref name="pattern"/> cannot name recordings, or null when it can.</summary>
        public static string? Check(string? pattern)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                return "is empty";
            }

            foreach (var field in Required)
            {
                if (pattern!.IndexOf(field, StringComparison.Ordinal) < 0)
                {
                    return $"lacks {field}: a pattern needs %path and the start down to the second (%Y %m %d %H %M %S), so that files of one path never share a name and can be listed";
                }
            }

            if (pattern!.StartsWith("/", StringComparison.Ordinal) || pattern.Contains(".."))
            {
                return "must stay below the recording folder (no leading / and no ..)";
            }

            return null;
        }

        /// <summary>The file name, relative to the recording folder with '/' between folders, of a segment of <paramref name="path"/> starting at <paramref name="startUtc"/>.</summary>
        public static string Expand(string pattern, string path, DateTime startUtc)
        {
            var name = new StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] != '%' || i + 1 == pattern.Length)
                {
                    name.Append(SafeChar(pattern[i]));
                    continue;
                }

                if (string.CompareOrdinal(pattern, i, "%path", 0, 5) == 0)
                {
                    name.Append(SafePath(path));
                    i += 4;
                    continue;
                }

                i++;
                name.Append(pattern[i] switch
                {
                    'Y' => startUtc.Year.ToString("D4", CultureInfo.InvariantCulture),
                    'm' => startUtc.Month.ToString("D2", CultureInfo.InvariantCulture),
                    'd' => startUtc.Day.ToString("D2", CultureInfo.InvariantCulture),
                    'H' => startUtc.Hour.ToString("D2", CultureInfo.InvariantCulture),
                    'M' => startUtc.Minute.ToString("D2", CultureInfo.InvariantCulture),
                    'S' => startUtc.Second.ToString("D2", CultureInfo.InvariantCulture),
                    'f' => (startUtc.Ticks % TimeSpan.TicksPerSecond / 10).ToString("D6", CultureInfo.InvariantCulture),
                    '%' => "%",
                    var other => "%" + other,
                });
            }

            return name.ToString();
        }

        /// <summary>
        /// The path and start a file name (relative, '/' between folders) was made from by
        /// <paramref name="pattern"/>, with an extension of either format and perhaps the counter
        /// added when a name was taken; false for a file the pattern did not make.
        /// </summary>
        public static bool TryParse(string pattern, string relativeName, out string path, out DateTime startUtc)
        {
            path = string.Empty;
            startUtc = default;
            var match = Parser(pattern).Match(relativeName);
            if (!match.Success)
            {
                return false;
            }

            int Field(string name, int otherwise) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : otherwise;
            try
            {
                startUtc = new DateTime(Field("Y", 1), Field("m", 1), Field("d", 1), Field("H", 0), Field("M", 0), Field("S", 0), DateTimeKind.Utc)
                    .AddTicks(Field("f", 0) * 10L);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }

            path = match.Groups["path"].Value;
            return true;
        }

        private static Regex Parser(string pattern)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '%' && string.CompareOrdinal(pattern, i, "%path", 0, 5) == 0 && regex.ToString().IndexOf("(?<path>", StringComparison.Ordinal) < 0)
                {
                    regex.Append("(?<path>.+?)");
                    i += 4;
                }
                else if (pattern[i] == '%' && i + 1 < pattern.Length && "YmdHMSf".IndexOf(pattern[i + 1]) >= 0 && regex.ToString().IndexOf("(?<" + pattern[i + 1] + ">", StringComparison.Ordinal) < 0)
                {
                    var field = pattern[++i];
                    regex.Append("(?<").Append(field).Append(">\\d{").Append(field == 'Y' ? 4 : field == 'f' ? 6 : 2).Append("})");
                }
                else if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] == '%')
                {
                    regex.Append('%');
                    i++;
                }
                else
                {
                    regex.Append(Regex.Escape(SafeChar(pattern[i]).ToString()));
                }
            }

            regex.Append(@"(?:-\d+)?\.(?:mp4|flv)$");
            return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
        }

        // Each folder of the path keeps letters, digits, '-', '_' and '.'; "." and ".." cannot climb out.
        private static string SafePath(string path)
        {
            var parts = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < parts.Length; i++)
            {
                var chars = parts[i].ToCharArray();
                for (int c = 0; c < chars.Length; c++)
                {
                    if (!(char.IsLetterOrDigit(chars[c]) && chars[c] < 128 || chars[c] == '-' || chars[c] == '_' || chars[c] == '.'))
                    {
                        chars[c] = '_';
                    }
                }

                parts[i] = new string(chars);
                if (parts[i] == "." || parts[i] == "..")
                {
                    parts[i] = "_";
                }
            }

            return parts.Length == 0 ? "_" : string.Join("/", parts);
        }

        private static char SafeChar(char c) => c == '\\' || c == ':' || c < 0x20 ? '_' : c;
    }
}
