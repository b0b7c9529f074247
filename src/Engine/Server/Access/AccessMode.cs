namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>Which stream paths exist for an <see cref="AccessPolicy"/>.</summary>
    public enum AccessMode
    {
        /// <summary>Any path may be used by a client with a valid key, signed URL or callback answer.</summary>
        Open,

        /// <summary>
        /// Only the paths listed in <see cref="AccessPolicy.Paths"/> exist (the XProtect driver's
        /// /stream1 … /stream16, each a camera); anything else is refused like a wrong key.
        /// </summary>
        Fixed,
    }
}
