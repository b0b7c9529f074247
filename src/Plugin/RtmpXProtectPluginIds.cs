using System;

namespace RtmpXProtect.Plugin
{
    /// <summary>The plugin's fixed ids: XProtect files the items under them, so they never change.</summary>
    internal static class RtmpXProtectPluginIds
    {
        /// <summary>The plugin (<c>PluginDefinition.Id</c>); the items' configuration is saved under it.</summary>
        public static readonly Guid Plugin = new Guid("6f0d5a1e-3c7b-4d2a-9e41-2b8f7c5d0a13");

        /// <summary>The kind of a stream item: one camera sent to its RTMP destinations.</summary>
        public static readonly Guid StreamKind = new Guid("6f0d5a1e-3c7b-4d2a-9e41-2b8f7c5d0a14");

        /// <summary>The Event Server's background plugin.</summary>
        public static readonly Guid BackgroundPlugin = new Guid("6f0d5a1e-3c7b-4d2a-9e41-2b8f7c5d0a15");
    }
}
