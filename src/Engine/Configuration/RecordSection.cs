using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>Recording of every publish to FLV files.</summary>
    public sealed class RecordSection
    {
        /// <summary>The folder recordings go to; null records nothing.</summary>
        [JsonPropertyName("directory")]
        public string? Directory { get; set; }
    }
}
