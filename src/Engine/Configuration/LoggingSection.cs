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
    
        /// <summary>A file to log to as well, relative to the configuration file; null logs to standard error only.</summary>
        [JsonPropertyName("file")]
        public string? File { get; set; }

        /// <summary>How often the file rolls over.</summary>
        [JsonPropertyName("rollingInterval")]
        public LogRollingInterval RollingInterval { get; set; } = LogRollingInterval.Day;

        /// <summary>How many rolled files are kept.</summary>
        [JsonPropertyName("retainedFiles")]
        public int RetainedFiles { get; set; } = 31;
    }
}
