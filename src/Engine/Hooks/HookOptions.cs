using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>What the server tells the outside world about stream events.</summary>
    public sealed class HookOptions
    {
        /// <summary>URLs events are POSTed to.</summary>
        public IList<WebhookTarget> Webhooks { get; } = new List<WebhookTarget>();

        /// <summary>Programs run for events.</summary>
        public IList<CommandHookTarget> Commands { get; } = new List<CommandHookTarget>();

        /// <summary>
        /// Events waiting for delivery; beyond this, new ones are dropped with a warning. Default
        /// 1024: hooks that are down for a while must not grow memory without bound.
        /// </summary>
        public int QueueCapacity { get; set; } = 1024;

        /// <summary>How long server stop waits for queued events to be delivered. Default 5 s.</summary>
        public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Whether there is anything to deliver to.</summary>
        public bool IsEmpty => Webhooks.Count == 0 && Commands.Count == 0;
    }
}
