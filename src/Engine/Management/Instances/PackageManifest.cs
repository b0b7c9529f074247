using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// rtmpx.package.json, at the top of a package and of an instance's bin/: which rtmpx it is, for
    /// which OS, so an instance knows its version and a package that cannot run here is refused.
    /// </summary>
    public sealed class PackageManifest
    {
        /// <summary>The file's name.</summary>
        public const string FileName = "rtmpx.package.json";

        /// <summary>Always "rtmpx".</summary>
        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        /// <summary>The rtmpx version ("0.7.0").</summary>
        [JsonPropertyName("version")]
        public string Version { get; set; } = string.Empty;

        /// <summary>The .NET runtime identifier it was built for ("linux-x64", "win-x64").</summary>
        [JsonPropertyName("runtime")]
        public string Runtime { get; set; } = string.Empty;
    }
}
