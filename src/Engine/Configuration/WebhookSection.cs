using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>One webhook. Its secret, like every secret, is named by where to read it.</summary>
    public sealed class WebhookSection
    {
        /// <summary>An http(s) URL.</summary>
        [JsonPropertyName("url")]
        public string? Url { get; set; }

        /// <summary>"streamStarted", "streamStopped".</summary>
        [JsonPropertyName("events")]
        public List<string> Events { get; set; } = new List<string> { "streamStarted", "streamStopped" };

        /// <summary>A file holding the HMAC-SHA256 signing secret.</summary>
        [JsonPropertyName("secretFile")]
        public string? SecretFile { get; set; }

        /// <summary>An environment variable holding the signing secret.</summary>
        [JsonPropertyName("secretEnv")]
        public string? SecretEnv { get; set; }

        /// <summary>Seconds one attempt may take.</summary>
        [JsonPropertyName("timeoutSeconds")]
        public int TimeoutSeconds { get; set; } = 5;

        /// <summary>Attempts after a failed first one.</summary>
        [JsonPropertyName("retries")]
        public int Retries { get; set; } = 2;
    }
}
