namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>A command the session does not handle; kept for logs.</summary>
    public sealed class CommandIgnored : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public CommandIgnored(string name)
        {
            Name = name;
        }

        /// <summary>The command name.</summary>
        public string Name { get; }
    }
}
