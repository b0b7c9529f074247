using System.Text.Json;
using System.Text.Json.Serialization;
using RtmpXProtect.Engine.Json;

namespace RtmpXProtect.Engine.Streaming.Helpers
{
    /// <summary>
    /// Writes and reads the helper's report lines: one JSON object per line on standard output
    /// (docs/HELPER-PROTOCOL.md). The reader trusts no line: an overlong, malformed or unknown one is
    /// skipped, so a helper that prints something else cannot break its supervisor.
    /// </summary>
    public static class HelperReport
    {
        /// <summary>A line longer than this is not one the helper wrote.</summary>
        public const int MaxLineLength = 16 * 1024;

        // Source-generated metadata only: rtmpx is compiled ahead of time, where reflection-based
        // serialization is not there. camelCase, nulls left out, enums by name: the wire format.
        private static readonly JsonSerializerOptions Options = EngineJson.Resolving(
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 8 });

        /// <summary><paramref name="line"/> as one line of JSON, without the line end.</summary>
        public static string Format(ReportLine line) => EngineJson.Serialize(line, Options);

        /// <summary>The report line <paramref name="text"/> holds, or null when it holds none.</summary>
        public static ReportLine? TryParse(string? text)
        {
            if (text == null || text.Length == 0 || text.Length > MaxLineLength || text[0] != '{')
            {
                return null;
            }

            try
            {
                var line = EngineJson.Deserialize<ReportLine>(text, Options);
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
    }
}
