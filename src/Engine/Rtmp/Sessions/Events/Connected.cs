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

        /// <summary>The status code of the answer (NetConnection.Connect.Success), for a probe to report.</summary>
        public string? Code { get; set; }

        /// <summary>The server's fmsVer when it gave one (nginx-rtmp, Wowza and FMS do), for a probe to report.</summary>
        public string? ServerVersion { get; set; }
    }
}
