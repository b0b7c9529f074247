namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>Whether an instance's server runs.</summary>
    public enum InstanceRunState
    {
        /// <summary>Serving (its service is active; for service none, its status API answers).</summary>
        Running,

        /// <summary>Not serving.</summary>
        Stopped,
    }
}
