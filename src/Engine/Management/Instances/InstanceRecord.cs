using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>An instance's entry in the machine's registry: enough to find it and what runs it.</summary>
    public sealed class InstanceRecord
    {
        /// <summary>The instance's name, unique on the machine.</summary>
        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        /// <summary>Its root folder.</summary>
        [JsonPropertyName("root")]
        public string Root { get; set; } = string.Empty;

        /// <summary>What runs it.</summary>
        [JsonPropertyName("service")]
        public ServiceKind Service { get; set; }
    }
}
