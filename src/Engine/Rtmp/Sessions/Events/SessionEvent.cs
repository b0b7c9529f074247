namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>
    /// Something a session learned from its peer that its host must act on. The set is closed:
    /// a host switches over the concrete types in this folder.
    /// </summary>
    public abstract class SessionEvent
    {
        /// <summary>Only the types in this assembly derive from this.</summary>
        private protected SessionEvent()
        {
        }
    }
}
