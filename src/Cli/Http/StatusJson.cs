using System.Text.Json;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Cli.Http
{
    /// <summary>The JSON shape the API writes and `rtmpx status` reads: camelCase, enums by name, so both sides agree.</summary>
    internal static class StatusJson
    {
        public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

        public static JsonSerializerOptions Configure(JsonSerializerOptions options)
        {
            options.Converters.Add(new JsonStringEnumConverter());
            return options;
        }
    }
}
