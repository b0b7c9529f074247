using System.Collections.Generic;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.Engine.Management.Paths
{
    /// <summary>
    /// RtmpXProtect/Path: one stream path of an instance (paths.entries in its rtmpx.json) with its
    /// publish and play keys, the addresses its publishers must come from, and whether it is recorded.
    /// Keys are write-only: compared with what is stored, never echoed.
    /// </summary>
    public sealed class PathResource
    {
        /// <summary>The resource type name.</summary>
        public const string TypeName = "RtmpXProtect/Path";

        /// <summary>What the resource manages, for its schema.</summary>
        public const string Description = "A stream path of an rtmpx instance (app/stream, or a bare stream name for any application) with its publish keys, allowed publishers and recording.";

        /// <summary>app/stream, or a bare name that matches under any application.</summary>
        public const string PathPattern = "^[A-Za-z0-9_.-]{1,128}(/[A-Za-z0-9_.-]{1,128})?$";

        /// <summary>The instance.</summary>
        [ResourceProperty("instance", "The instance (RtmpXProtect/Instance name) the path is of.", Key = true, Pattern = InstanceRegistry.NamePattern, Form = InstanceResource.NameForm)]
        public string? Instance { get; set; }

        /// <summary>The path.</summary>
        [ResourceProperty("path", "The path: app/stream (live/cam1), or a bare stream name (stream1) that matches under any application.", Key = true, Pattern = PathPattern, Form = "app/stream or a stream name (letters, digits, '_', '.', '-')")]
        public string? Path { get; set; }

        /// <summary>Whether the path should exist.</summary>
        [ResourceProperty("_exist", "Whether the path should exist; false removes it and its keys.")]
        public bool? Exist { get; set; }

        /// <summary>Keys that publish (and play) the path.</summary>
        [ResourceProperty("publishKeys", "Keys that may publish (and play) the path (rtmp://host/live/cam1?key=KEY); compared with what is stored, never shown.", WriteOnly = true, Secret = true)]
        public List<string>? PublishKeys { get; set; }

        /// <summary>Keys that only play it.</summary>
        [ResourceProperty("playKeys", "Keys that may only play the path (when auth.playRequiresKey); compared with what is stored, never shown.", WriteOnly = true, Secret = true)]
        public List<string>? PlayKeys { get; set; }

        /// <summary>How many publish keys it has.</summary>
        [ResourceProperty("publishKeyCount", "How many publish keys the path has.", ReadOnly = true)]
        public int? PublishKeyCount { get; set; }

        /// <summary>How many play keys it has.</summary>
        [ResourceProperty("playKeyCount", "How many play keys the path has.", ReadOnly = true)]
        public int? PlayKeyCount { get; set; }

        /// <summary>Addresses or CIDR ranges its publishers must come from.</summary>
        [ResourceProperty("publishers", "Addresses or CIDR ranges (10.1.2.0/24, fd00::/8) the path's publishers must come from; empty follows the instance's paths.publishers.")]
        public List<string>? Publishers { get; set; }

        /// <summary>Whether its publishes are recorded.</summary>
        [ResourceProperty("record", "true records the path's publishes (into the instance's record.directory), false never does, null follows record.directory.", Nullable = true)]
        public bool? Record { get; set; }

        /// <summary>Set by test.</summary>
        [ResourceProperty("_inDesiredState", "Whether the path is in the desired state (test only).", ReadOnly = true)]
        public bool? InDesiredState { get; set; }
    }
}
