namespace RtmpXProtect.Engine.Streaming
{
    /// <summary>Where a stream (or one of its destinations) stands, as the operator sees it.</summary>
    public enum StreamerState
    {
        /// <summary>Not enabled: nothing runs.</summary>
        Disabled,

        /// <summary>Opening the source.</summary>
        Starting,

        /// <summary>Connecting and publishing to the destination.</summary>
        Connecting,

        /// <summary>Frames flow to the destination.</summary>
        Streaming,

        /// <summary>Lost the destination or the source; waiting out a backoff before trying again.</summary>
        Reconnecting,

        /// <summary>Failed; the status says why (a refused key, a stalled source, an untrusted certificate).</summary>
        Error,
    }
}
