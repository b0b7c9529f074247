using System.Text.Json.Serialization;
using Serilog.Events;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>What the server logs.</summary>
    public sealed class LoggingSection
    {
        /// <summary>Least level logged: verbose, debug, information, warning, error, fatal.</summary>
        [JsonPropertyName("level")]
        public LogEventLevel Level { get; set; } = LogEventLevel.Information;
    }
}
