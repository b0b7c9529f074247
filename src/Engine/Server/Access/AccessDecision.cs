namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>
    /// The answer to an <see cref="AccessRequest"/>. The reason is for the server's log only: a
    /// refused client always gets <see cref="PublicDenial"/>, so it cannot tell a missing path
    /// from a wrong key.
    /// </summary>
    public sealed class AccessDecision
    {
        /// <summary>The one description refused clients see, whatever the reason.</summary>
        public const string PublicDenial = "Not allowed.";

        private AccessDecision(bool allowed, string path, string? keyIdentity, string reason)
        {
            IsAllowed = allowed;
            Path = path;
            KeyIdentity = keyIdentity;
            Reason = reason;
        }

        /// <summary>Whether the client may go ahead.</summary>
        public bool IsAllowed { get; }

        /// <summary>The path the request resolved to ("live/cam1"), or the requested path when refused.</summary>
        public string Path { get; }

        /// <summary>
        /// Which credential allowed the request, never the credential itself ("key live/cam1#1",
        /// "signed live/cam1", "callback", "anyone"): two sessions with the same identity hold the
        /// same key, which is what a takeover checks. Null when refused.
        /// </summary>
        public string? KeyIdentity { get; }

        /// <summary>Why, for the log; never holds a key, a signature or an expiry.</summary>
        public string Reason { get; }

        /// <summary>An allowed request.</summary>
        public static AccessDecision Allow(string path, string keyIdentity) => new AccessDecision(true, path, keyIdentity, "allowed by " + keyIdentity);

        /// <summary>A refused request.</summary>
        public static AccessDecision Deny(string path, string reason) => new AccessDecision(false, path, null, reason);
    }
}
