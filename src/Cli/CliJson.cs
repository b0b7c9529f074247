using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RtmpXProtect.Cli.Http;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.XProtect.Export;

namespace RtmpXProtect.Cli
{
    /// <summary>
    /// The JSON metadata of what rtmpx prints and serves, made at compile time for the
    /// ahead-of-time compiled binary, where reflection-based serialization is not there. Enums go
    /// by name, as the status API has always written them.
    /// </summary>
    [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
    [JsonSerializable(typeof(EndpointProbeResult))]
    [JsonSerializable(typeof(ServerStatus))]
    [JsonSerializable(typeof(IReadOnlyList<StreamStatus>))]
    [JsonSerializable(typeof(IReadOnlyList<SessionStatus>))]
    [JsonSerializable(typeof(IReadOnlyList<LogLine>))]
    [JsonSerializable(typeof(IReadOnlyList<StreamerStatus>))]
    [JsonSerializable(typeof(StreamerStatus))]
    [JsonSerializable(typeof(ExportSummary))]
    [JsonSerializable(typeof(ApiError))]
    [JsonSerializable(typeof(IReadOnlyList<RtmpXProtect.Engine.Recording.RecordingInfo>))]
    internal sealed partial class CliJson : JsonSerializerContext
    {
        /// <summary>Options for one site, resolving through this context.</summary>
        public static JsonSerializerOptions Resolving(JsonSerializerOptions options)
        {
            options.TypeInfoResolver = Default;
            return options;
        }

        /// <summary><paramref name="value"/> as JSON with <paramref name="options"/>.</summary>
        public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, TypeInfo<T>(options));

        /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/>.</summary>
        public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
