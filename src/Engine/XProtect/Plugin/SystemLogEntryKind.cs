namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>The System Log entries the plugin writes (<see cref="SystemLogCatalogue"/>).</summary>
    public enum SystemLogEntryKind
    {
        /// <summary>The background plugin started its streams.</summary>
        PluginStarted,

        /// <summary>The background plugin stopped its streams.</summary>
        PluginStopped,

        /// <summary>A destination accepted a camera's stream.</summary>
        StreamConnected,

        /// <summary>A camera's source or a destination failed.</summary>
        StreamError,

        /// <summary>A camera's stream was stopped (disabled, removed, changed, or the plugin stopping).</summary>
        StreamStopped,

        /// <summary>The helper process running a camera's stream ended unexpectedly and is restarted.</summary>
        HelperCrashed,
    }
}
