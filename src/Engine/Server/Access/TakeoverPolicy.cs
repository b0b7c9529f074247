namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>What happens when a second publisher asks for a path that is already published.</summary>
    public enum TakeoverPolicy
    {
        /// <summary>The second publisher is refused; the first keeps streaming.</summary>
        None,

        /// <summary>
        /// A publisher holding the same key (or a valid signed URL for the path) replaces the old
        /// session at once: an encoder that reconnects after a network drop does not have to wait
        /// for its stale session to time out.
        /// </summary>
        SameKey,
    }
}
