using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>Every System Log entry the plugin writes; the adapter registers them all at start.</summary>
    public static class SystemLogCatalogue
    {
        /// <summary>All definitions, one per <see cref="SystemLogEntryKind"/>.</summary>
        public static IReadOnlyList<SystemLogEntryDefinition> All { get; } = new[]
        {
            new SystemLogEntryDefinition(SystemLogEntryKind.PluginStarted, "RtmpXProtect.PluginStarted", SystemLogSeverity.Info, "RtmpXProtect streaming started with {Streams} stream(s)", new[] { SystemLogParameter.Streams }),
            new SystemLogEntryDefinition(SystemLogEntryKind.PluginStopped, "RtmpXProtect.PluginStopped", SystemLogSeverity.Info, "RtmpXProtect streaming stopped ({Streams} stream(s))", new[] { SystemLogParameter.Streams }),
            new SystemLogEntryDefinition(SystemLogEntryKind.StreamConnected, "RtmpXProtect.StreamConnected", SystemLogSeverity.Info, "Camera {CameraName} is streaming to {Destination}", new[] { SystemLogParameter.CameraName, SystemLogParameter.Destination }),
            new SystemLogEntryDefinition(SystemLogEntryKind.StreamError, "RtmpXProtect.StreamError", SystemLogSeverity.Error, "Camera {CameraName}, {Destination}: {Reason}", new[] { SystemLogParameter.CameraName, SystemLogParameter.Destination, SystemLogParameter.Reason }),
            new SystemLogEntryDefinition(SystemLogEntryKind.StreamStopped, "RtmpXProtect.StreamStopped", SystemLogSeverity.Info, "Camera {CameraName} stopped streaming: {Reason}", new[] { SystemLogParameter.CameraName, SystemLogParameter.Reason }),
            new SystemLogEntryDefinition(SystemLogEntryKind.HelperCrashed, "RtmpXProtect.HelperCrashed", SystemLogSeverity.Warning, "The helper streaming camera {CameraName} ended unexpectedly and is restarted: {Reason}", new[] { SystemLogParameter.CameraName, SystemLogParameter.Reason }),
        };

        /// <summary>The definition of <paramref name="kind"/>.</summary>
        public static SystemLogEntryDefinition Of(SystemLogEntryKind kind) => All.First(d => d.Kind == kind);
    }
}
