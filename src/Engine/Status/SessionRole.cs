namespace RtmpXProtect.Engine.Status
{
    /// <summary>What a session does, as the status API shows it.</summary>
    public enum SessionRole
    {
        /// <summary>Connected, but has neither published nor played yet (or stopped playing).</summary>
        Undecided,
        /// <summary>Publishes a stream.</summary>
        Publisher,
        /// <summary>Plays at least one stream.</summary>
        Player,
    }
}
