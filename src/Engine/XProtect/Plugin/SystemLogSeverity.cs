namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>How a System Log entry is flagged (MIP's log severities Info, Warning, Error).</summary>
    public enum SystemLogSeverity
    {
        /// <summary>Something worth knowing.</summary>
        Info,

        /// <summary>Something to look at.</summary>
        Warning,

        /// <summary>Something failed.</summary>
        Error,
    }
}
