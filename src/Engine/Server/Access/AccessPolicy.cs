using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>
    /// Who may publish and play which paths. Local rules come first and are hard limits (the
    /// publisher address list, the fixed path list); then a matching key or a valid signed URL
    /// allows at once; otherwise the callback, when configured, decides; otherwise the request is
    /// refused.
    /// </summary>
    public sealed class AccessPolicy
    {
        /// <summary>Whether only listed paths exist. Default open.</summary>
        public AccessMode Mode { get; set; } = AccessMode.Open;

        /// <summary>Paths with their own keys; in fixed mode, the only paths there are.</summary>
        public IList<AccessPath> Paths { get; } = new List<AccessPath>();

        /// <summary>Keys that may publish any path that exists (every path in open mode).</summary>
        public IList<string> PublishKeys { get; } = new List<string>();

        /// <summary>Keys that may play any path that exists, when playing needs a key.</summary>
        public IList<string> PlayKeys { get; } = new List<string>();

        /// <summary>
        /// Addresses or CIDR ranges ("10.0.0.0/8", "::1") publishers must come from; empty allows any.
        /// </summary>
        public IList<string> PublisherNetworks { get; } = new List<string>();

        /// <summary>
        /// Whether players need a key (play, publish or global key, or a signed URL). Default false:
        /// anyone may play a path that exists.
        /// </summary>
        public bool PlayRequiresKey { get; set; }

        /// <summary>What a second publisher of a published path gets. Default: refused.</summary>
        public TakeoverPolicy Takeover { get; set; } = TakeoverPolicy.None;

        /// <summary>The secret signed URLs are checked with (see <see cref="SignedUrl"/>); null turns them off.</summary>
        public byte[]? SigningSecret { get; set; }

        /// <summary>
        /// Where to POST requests that no key or signed URL allowed; a 2xx answer allows. Null
        /// turns the callback off.
        /// </summary>
        public Uri? CallbackUrl { get; set; }

        /// <summary>How long the callback may take before the request is refused. Default 3 s.</summary>
        public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(3);
    }
}
