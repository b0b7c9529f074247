using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>An HTTP(S) URL that stream events are POSTed to as JSON.</summary>
    public sealed class WebhookTarget
    {
        /// <summary>Creates a target for <paramref name="url"/>, subscribed to every event kind.</summary>
        public WebhookTarget(Uri url)
        {
            Url = url ?? throw new ArgumentNullException(nameof(url));
        }

        /// <summary>Where to POST; logs show it without user info and query, which may hold tokens.</summary>
        public Uri Url { get; }

        /// <summary>The kinds of event sent; both by default.</summary>
        public ISet<StreamEventKind> Events { get; } = new HashSet<StreamEventKind> { StreamEventKind.StreamStarted, StreamEventKind.StreamStopped };

        /// <summary>
        /// When set, each request carries X-Rtmpx-Signature: sha256=HEX, the HMAC-SHA256 of the body
        /// with this key, so the receiver can tell the server sent it. Never logged.
        /// </summary>
        public byte[]? Secret { get; set; }

        /// <summary>How long one attempt may take. Default 5 s: a receiver that takes longer is treated as down.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Attempts after the first that failed. Default 2: three attempts, 1 s and 2 s apart.</summary>
        public int Retries { get; set; } = 2;

        /// <summary>Wait before the first retry; each further retry waits twice as long as the one before.</summary>
        public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    }
}
