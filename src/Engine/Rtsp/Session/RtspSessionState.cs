namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>Where a session is in RFC 2326's state machine (Appendix A.2).</summary>
    public enum RtspSessionState
    {
        /// <summary>No track set up yet.</summary>
        Init,
        /// <summary>Tracks set up, not playing (also after PAUSE).</summary>
        Ready,
        /// <summary>Playing: media flows to the client.</summary>
        Playing,
        /// <summary>Recording: media flows from the client (a publish).</summary>
        Recording,
        /// <summary>Torn down: nothing more is accepted.</summary>
        Closed,
    }
}
