using System.Linq;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>The supervisor's stream states as item operational states.</summary>
    public static class ItemStateMapper
    {
        /// <summary>The state of a stream; Streaming with a destination down is a Warning naming it (one of several uploads failing is worth a look).</summary>
        public static ItemState From(StreamerStatus status)
        {
            switch (status.State)
            {
                case StreamerState.Disabled:
                    return new ItemState(ItemOperationalState.Disabled, null);
                case StreamerState.Streaming:
                    var down = status.Destinations.FirstOrDefault(d => d.State != StreamerState.Streaming);
                    return down == null
                        ? new ItemState(ItemOperationalState.Ok, null)
                        : new ItemState(ItemOperationalState.Warning, down.Destination + ": " + (down.LastError ?? down.State.ToString()));
                case StreamerState.Error:
                    return new ItemState(ItemOperationalState.Error, status.Reason ?? status.LastError ?? "failed");
                default:
                    // Starting, Connecting, Reconnecting: on the way, or waiting out a backoff.
                    return new ItemState(ItemOperationalState.Warning, status.Reason ?? status.LastError ?? status.State.ToString());
            }
        }
    }
}
