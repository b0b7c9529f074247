using System.Text.Json;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// Writes and reads the helper's report lines: one JSON object per line on standard output
    /// (docs/HELPER-PROTOCOL.md). The reader trusts no line: an overlong, malformed or unknown one is
    /// skipped, so a helper that prints something else cannot break its supervisor.
    /// </summary>
    internal static class HelperReport
    {
        /// <summary>A line longer than this is not one the helper wrote.</summary>
        public const int MaxLineLength = 16 * 1024;

        private static readonly JsonSerializerOptions Options = CreateOptions();

        public static string Format(ReportLine line) => CliJson.Serialize(line, Options);

        /// <summary>The report line <paramref name="text"/> holds, or null when it holds none.</summary>
        public static ReportLine? TryParse(string? text)
        {
            if (string.IsNullOrEmpty(text) || text.Length > MaxLineLength || text[0] != '{')
            {
                return null;
            }

            try
            {
                var line = JsonSerializer.Deserialize(text, CliJson.TypeInfo<ReportLine>(Options));
                return line?.Type switch
                {
                    ReportLine.LogType => line,
                    ReportLine.StatusType when line.Status != null => line,
                    ReportLine.EventType when line.Event != null => line,
                    _ => null,
                };
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static JsonSerializerOptions CreateOptions() => CliJson.Resolving(
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 8 });
    }
}
