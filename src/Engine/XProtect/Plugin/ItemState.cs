namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>An item's state with the reason shown beside it; the reason never holds a key.</summary>
    public sealed class ItemState
    {
        /// <summary>Creates a state.</summary>
        public ItemState(ItemOperationalState state, string? reason)
        {
            State = state;
            Reason = reason;
        }

        /// <summary>The state icon.</summary>
        public ItemOperationalState State { get; }

        /// <summary>Why it is not Ok ("source stalled", "rtmp://h:1935/live/****: connection refused"); null when Ok or Disabled.</summary>
        public string? Reason { get; }
    }
}
