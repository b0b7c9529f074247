namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>What runs an instance's rtmpx serve.</summary>
    public enum ServiceKind
    {
        /// <summary>A systemd unit, rtmpx-NAME.service (Type=notify).</summary>
        Systemd,

        /// <summary>A Windows service, rtmpx-NAME, under the SCM.</summary>
        Windows,

        /// <summary>Nothing of ours: everything is written, running it is left to the operator's supervisor (a container, a test).</summary>
        None,
    }
}
