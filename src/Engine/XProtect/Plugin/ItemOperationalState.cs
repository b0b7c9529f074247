namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>An item's state icon in the Management Client (MIP's <c>OperationalState</c>).</summary>
    public enum ItemOperationalState
    {
        /// <summary>Streaming to every destination.</summary>
        Ok,

        /// <summary>Starting, connecting, reconnecting, or streaming with a destination down.</summary>
        Warning,

        /// <summary>Failed, or the item cannot be run (an invalid property).</summary>
        Error,

        /// <summary>Not enabled: nothing runs.</summary>
        Disabled,
    }
}
