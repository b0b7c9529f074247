namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>The server accepted the client's connect.</summary>
    public sealed class Connected : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public Connected(string description)
        {
            Description = description;
        }

        /// <summary>The server's words.</summary>
        public string Description { get; }
    }
}
