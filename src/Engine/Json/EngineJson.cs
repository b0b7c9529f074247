using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Management.Certificates;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.Json
{
    /// <summary>
    /// The JSON metadata of every type the engine reads or writes, made at compile time: rtmpx is
    /// compiled ahead of time (NativeAOT), where reflection-based serialization is not there, and
    /// a type missing here fails in every test, not only in the published binary. Enums go by
    /// name unless a site's options name them otherwise (camelCase in files people edit).
    /// </summary>
    [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
    [JsonSerializable(typeof(RtmpxConfig))]
    [JsonSerializable(typeof(InstanceRecord))]
    [JsonSerializable(typeof(CertificateRecord))]
    [JsonSerializable(typeof(PackageManifest))]
    [JsonSerializable(typeof(ServerStatus))]
    [JsonSerializable(typeof(List<StreamerStatus>))]
    [JsonSerializable(typeof(StreamerStatus))]
    [JsonSerializable(typeof(List<LogLine>))]
    [JsonSerializable(typeof(List<RtmpXProtect.Engine.Recording.RecordingInfo>))]
    [JsonSerializable(typeof(RtmpXProtect.Engine.Streaming.Helpers.ReportLine))]
    [JsonSerializable(typeof(RtmpXProtect.Engine.XProtect.Plugin.Messages.PluginRequest))]
    [JsonSerializable(typeof(RtmpXProtect.Engine.XProtect.Plugin.Messages.PluginAnswer))]
    internal sealed partial class EngineJson : JsonSerializerContext
    {
        /// <summary>Options for one site, resolving through this context.</summary>
        public static JsonSerializerOptions Resolving(JsonSerializerOptions options)
        {
            options.TypeInfoResolver = Default;
            return options;
        }

        /// <summary><paramref name="value"/> as JSON with <paramref name="options"/> (default: the serializer's defaults).</summary>
        public static string Serialize<T>(T value, JsonSerializerOptions? options = null)
            => JsonSerializer.Serialize(value, TypeInfo<T>(options ?? Default.Options));

        /// <summary>JSON read as a <typeparamref name="T"/>.</summary>
        public static T? Deserialize<T>(string json, JsonSerializerOptions? options = null)
            => JsonSerializer.Deserialize(json, TypeInfo<T>(options ?? Default.Options));

        /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/>.</summary>
        public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
