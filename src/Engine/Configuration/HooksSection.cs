using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>Webhooks and commands told of streams starting and stopping.</summary>
    public sealed class HooksSection
    {
        /// <summary>URLs stream events are POSTed to.</summary>
        [JsonPropertyName("webhooks")]
        public List<WebhookSection> Webhooks { get; set; } = new List<WebhookSection>();

        /// <summary>Programs run with the event on standard input.</summary>
        [JsonPropertyName("commands")]
        public List<CommandHookSection> Commands { get; set; } = new List<CommandHookSection>();
    }
}
