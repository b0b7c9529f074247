using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>One command hook: a program and its arguments, run without a shell.</summary>
    public sealed class CommandHookSection
    {
        /// <summary>The program.</summary>
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        /// <summary>Its arguments, one string each.</summary>
        [JsonPropertyName("args")]
        public List<string> Args { get; set; } = new List<string>();

        /// <summary>"streamStarted", "streamStopped".</summary>
        [JsonPropertyName("events")]
        public List<string> Events { get; set; } = new List<string> { "streamStarted", "streamStopped" };

        /// <summary>Seconds it may run before it is killed.</summary>
        [JsonPropertyName("timeoutSeconds")]
        public int TimeoutSeconds { get; set; } = 10;
    }
}
